<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/shell/about_dialog.py" line="15"/>
        <source>About legalaid</source>
        <translation>关于 legalaid</translation>
    </message>
    <message>
        <location filename="../../ui/shell/about_dialog.py" line="16"/>
        <source>&lt;b&gt;Legal aid case management&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;法律援助案件管理&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/about_dialog.py" line="18"/>
        <source>Database: {0}
Log folder: {1}</source>
        <translation>数据库：{0}
日志文件夹：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/about_dialog.py" line="33"/>
        <source>Third-party components: Qt for Python (PySide6, LGPLv3), SQLAlchemy (MIT), Alembic (MIT), reportlab (BSD), openpyxl (MIT), pypinyin (MIT), chinese-calendar (MIT), pypdfium2 (Apache-2.0 / BSD), platformdirs (MIT).</source>
        <translation>第三方组件：Qt for Python（PySide6，LGPLv3）、SQLAlchemy（MIT）、Alembic（MIT）、reportlab（BSD）、openpyxl（MIT）、pypinyin（MIT）、chinese-calendar（MIT）、pypdfium2（Apache-2.0 / BSD）、platformdirs（MIT）。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/about_dialog.py" line="36"/>
        <source>Font WenQuanYi Micro Hei (Apache-2.0 or GPLv3 with font exception):</source>
        <translation>字体：文泉驿微米黑（Apache-2.0 或附字体例外的 GPLv3）：</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="52"/>
        <source>Adjust the subsidy</source>
        <translation>调整办案补贴</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="57"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="58"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="144"/>
        <source>Administrator account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="145"/>
        <source>The administrator adds the other users and their roles.</source>
        <translation>由管理员添加其他用户并设定其角色。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="154"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="155"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="156"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="157"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="166"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="174"/>
        <source>Enter a user name.</source>
        <translation>请填写用户名。</translation>
    </message>
</context>
<context>
    <name>AdminSetupDialog</name>
    <message>
        <location filename="../../ui/shell/login.py" line="41"/>
        <source>Create the administrator account</source>
        <translation>创建管理员账户</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="47"/>
        <source>The administrator adds the other users and their roles.</source>
        <translation>由管理员添加其他用户并设定其角色。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="48"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="49"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="50"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="51"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="58"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/shell/application.py" line="51"/>
        <source>Legal aid case management</source>
        <translation>法律援助案件管理</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="92"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="186"/>
        <source>Connect to the office server</source>
        <translation>连接本处数据库服务器</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="187"/>
        <source>Password of {0} on {1}:</source>
        <translation>服务器 {1} 上账号 {0} 的密码：</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="200"/>
        <source>The database file is empty</source>
        <translation>数据库文件是空的</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application.py" line="206"/>
        <source>The database file {0} exists but holds no data. An interrupted copy or a disk fault can leave such a file: if the office had data here, close and restore the latest backup instead.

Set up a new, empty database in this file?</source>
        <translation>数据库文件 {0} 存在，但里面没有任何数据。中断的复制或磁盘故障可能留下这样的文件：如果本处原来在这里有数据，请关闭程序，改为从最近的备份恢复。

要在这个文件里新建一个空数据库吗？</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="46"/>
        <source>Change handler — {0}</source>
        <translation>更换承办人 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="48"/>
        <source>Assign a handler — {0}</source>
        <translation>指派承办人 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="54"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="55"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="56"/>
        <source>Firm</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="57"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="58"/>
        <source>Criminal practice (years)</source>
        <translation>刑事执业年限</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="60"/>
        <source>Minors</source>
        <translation>未成年人专长</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="61"/>
        <source>Qualification</source>
        <translation>资格</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="121"/>
        <source>Minors: only with a written reason</source>
        <translation>未成年人案件：须写明原因</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="124"/>
        <source>Qualified</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="119"/>
        <source>Current handler</source>
        <translation>现承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="52"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="77"/>
        <source>Suggested: {0}, the qualified handler with the fewest open cases.</source>
        <translation>建议：{0}（符合条件且在办案件最少）。</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="88"/>
        <source>Only if no lawyer familiar with minors can be assigned</source>
        <translation>仅在确无熟悉未成年人身心特点的律师可指派时填写</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="91"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="93"/>
        <source>Reason for the change</source>
        <translation>更换原因</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="96"/>
        <source>Why no lawyer familiar with minors</source>
        <translation>未指派熟悉未成年人律师的原因</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="131"/>
        <source>Choose a handler first.</source>
        <translation>请先选择承办人。</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="144"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="145"/>
        <source>Assign anyway?</source>
        <translation>仍然指派吗？</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="160"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/case/assign_dialog.py" line="165"/>
        <source>Not assigned</source>
        <translation>未指派</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="55"/>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="59"/>
        <source>Object or detail contains…</source>
        <translation>对象或详情包含…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="60"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="61"/>
        <source>Check the chain</source>
        <translation>核对记录链</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="62"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="63"/>
        <source>Anchor printout…</source>
        <translation>打印锚点…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="66"/>
        <source>The trail&apos;s row count and head hash on paper, signed and kept outside</source>
        <translation>把审计记录的条数和末条校验值打印出来，签字后存放在系统之外</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="70"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="71"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="72"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="73"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="74"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="75"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="76"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="144"/>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="145"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="155"/>
        <source>{0} entries</source>
        <translation>共{0}条</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="157"/>
        <source> (newest {0} shown; narrow the filters or export)</source>
        <translation>（显示最新{0}条；请缩小范围或导出）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="169"/>
        <source>The audit trail is intact: {0} entries, every link valid.</source>
        <translation>审计记录完整：共{0}条，链接均有效。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="174"/>
        <source>The chain breaks at entry {0}: {1}</source>
        <translation>审计记录链在第{0}条处断开：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="184"/>
        <source>Exported {0} entries: {1}</source>
        <translation>已导出{0}条：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="189"/>
        <source>Anchor printout</source>
        <translation>打印锚点</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="191"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="204"/>
        <source>Anchor printout saved: {0} ({1})</source>
        <translation>锚点打印件已保存：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="211"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="212"/>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>BankDialog</name>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="108"/>
        <source>Bank accounts of {0}</source>
        <translation>{0}的银行账户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="115"/>
        <source>Bank (own)</source>
        <translation>开户银行（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="116"/>
        <source>Account number (own)</source>
        <translation>银行账号（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="118"/>
        <source>Bank of {0}</source>
        <translation>{0}开户银行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="119"/>
        <source>Account number of {0}</source>
        <translation>{0}银行账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="134"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>CandidatesDialog</name>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="234"/>
        <source>Candidates for 重大疑难</source>
        <translation>重大疑难候选案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="239"/>
        <source>{0} open cases meet the office&apos;s criteria. Add the ticked ones to the register as candidates:</source>
        <translation>有 {0} 件在办案件符合本机构的识别标准。将勾选的案件列为重大疑难候选：</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../ui/case/case_window.py" line="82"/>
        <location filename="../../ui/case/case_window.py" line="240"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="83"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="84"/>
        <source>Until</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="85"/>
        <location filename="../../ui/case/case_window.py" line="769"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="91"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="92"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="93"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="94"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="99"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="100"/>
        <source>Aided person</source>
        <translation>受援人</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="108"/>
        <source>Handlers</source>
        <translation>承办人员</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="110"/>
        <source>Review and assignment</source>
        <translation>审查与指派</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="111"/>
        <source>Timeline</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="115"/>
        <source>Subsidy</source>
        <translation>办案补贴</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="121"/>
        <source>Work and documents</source>
        <translation>办案工作与材料</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="125"/>
        <source>Closing and follow-up</source>
        <translation>结案与回访</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="130"/>
        <source>Start review</source>
        <translation>开始审查</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="131"/>
        <source>Request materials…</source>
        <translation>通知补正…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="132"/>
        <location filename="../../ui/case/case_window.py" line="532"/>
        <source>Materials received</source>
        <translation>材料已补齐</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="133"/>
        <source>Grant aid…</source>
        <translation>给予援助…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="134"/>
        <source>Refuse aid…</source>
        <translation>不予援助…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="141"/>
        <source>Aid in advance…</source>
        <translation>先行提供…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="142"/>
        <location filename="../../ui/case/case_window.py" line="370"/>
        <source>Assign handler…</source>
        <translation>指派承办人…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="143"/>
        <source>Agreement signed</source>
        <translation>签订委托协议</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="144"/>
        <source>Agreement delayed…</source>
        <translation>协议暂缓签订…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="145"/>
        <source>Terminate aid…</source>
        <translation>终止援助…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="146"/>
        <source>Withdrawn…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="147"/>
        <source>Submit closing file…</source>
        <translation>提交结案材料…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="148"/>
        <source>Approve closing</source>
        <translation>结案审查通过</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="149"/>
        <source>Return closing file…</source>
        <translation>退回结案材料…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="150"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="159"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="160"/>
        <source>Correct the registered facts, with a reason</source>
        <translation>更正登记信息（须写明原因）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="164"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="182"/>
        <source>Reading the case…</source>
        <translation>正在读取案件…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="203"/>
        <source>Objection filed on {0}: {1}</source>
        <translation>{0} 提出异议：{1}（司法行政机关审查中）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="208"/>
        <source>Aid given in advance since {0} ({1}); the decision is still due</source>
        <translation>自 {0} 起先行提供法律援助（{1}）；仍须作出是否给予法律援助的决定</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="213"/>
        <source>Agreement: clock stopped since {0} ({1}) until it is signed</source>
        <translation>签订委托协议：期限自 {0} 起停止计算（{1}），签订后结束</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="217"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="219"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="222"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="223"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="224"/>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="227"/>
        <source>Notifying organ</source>
        <translation>通知机关</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="228"/>
        <source>Ground of the notification</source>
        <translation>通知理由</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="229"/>
        <source>Organ&apos;s case number</source>
        <translation>机关案号</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="230"/>
        <source>Place of detention</source>
        <translation>羁押场所</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="236"/>
        <source>Organ handling the case</source>
        <translation>受理机关</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="241"/>
        <source>Case type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="242"/>
        <source>Stage</source>
        <translation>诉讼阶段</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="243"/>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="244"/>
        <source>Matter (s.31)</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="248"/>
        <source>Representative</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="249"/>
        <source>{0} {1} ({2}) {3}</source>
        <translation>{0} {1}（{2}）{3}</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="255"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="256"/>
        <source>Economic hardship</source>
        <translation>经济困难依据</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="260"/>
        <source>Aid in advance (s.44)</source>
        <translation>先行提供（第44条）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="267"/>
        <source>Aid granted / accepted on</source>
        <translation>受理日期（给予援助/接受通知）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="268"/>
        <source>Assigned on</source>
        <translation>指派日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="269"/>
        <source>Case ended on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="270"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="272"/>
        <source>Cross-region</source>
        <translation>异地办理</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="273"/>
        <location filename="../../ui/case/case_window.py" line="278"/>
        <location filename="../../ui/case/case_window.py" line="283"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="273"/>
        <location filename="../../ui/case/case_window.py" line="278"/>
        <location filename="../../ui/case/case_window.py" line="283"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="275"/>
        <source>Aided persons (incl. joined cases)</source>
        <translation>受援人数（含并案）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="296"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="323"/>
        <source>Assignment papers (notice, letter, power of attorney)</source>
        <translation>指派文书（指派通知书、公函、授权委托书）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="329"/>
        <source>Application and review</source>
        <translation>申请与审查</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="330"/>
        <source>Assignment and handling</source>
        <translation>指派与承办</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="331"/>
        <source>Change, termination and closing</source>
        <translation>更换、终止与结案</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="401"/>
        <source>Assignment papers</source>
        <translation>指派文书</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="413"/>
        <source>Writing the document…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="419"/>
        <source>Addressee of the letter</source>
        <translation>公函的受理机关</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="567"/>
        <source>Objection to the decision (法律援助法 s.49)</source>
        <translation>对决定提出异议（法律援助法第四十九条）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="568"/>
        <source>Ground of the objection</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="580"/>
        <source>Upheld</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="581"/>
        <source>Not upheld: the decision stands</source>
        <translation>异议不成立，维持原决定</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="582"/>
        <source>The justice bureau&apos;s decision on the objection</source>
        <translation>司法行政机关对异议的审查结果</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="583"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="119"/>
        <location filename="../../ui/case/case_window.py" line="277"/>
        <source>Major or difficult</source>
        <translation>重大疑难</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="135"/>
        <source>Objection…</source>
        <translation>提出异议…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="138"/>
        <source>Bureau&apos;s decision on the objection…</source>
        <translation>异议审查结果…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="191"/>
        <source>{0}: due {1} ({2}; period {3})</source>
        <translation>{0}：{1} 到期（{2}；期限 {3}）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="282"/>
        <source>Possible life or death sentence</source>
        <translation>可能判处无期徒刑、死刑</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="285"/>
        <source>Summary</source>
        <translation>案情概要</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="291"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="292"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="293"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="294"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="295"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="297"/>
        <source>Groups</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="303"/>
        <source>Decision reason</source>
        <translation>审查决定理由</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="304"/>
        <source>Materials requested</source>
        <translation>需补正材料</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="305"/>
        <source>Current handler</source>
        <translation>现承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="369"/>
        <source>Change handler…</source>
        <translation>更换承办人…</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="383"/>
        <location filename="../../ui/case/case_window.py" line="398"/>
        <source>Save document</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="384"/>
        <location filename="../../ui/case/case_window.py" line="399"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="416"/>
        <location filename="../../ui/case/case_window.py" line="425"/>
        <location filename="../../ui/case/case_window.py" line="443"/>
        <location filename="../../ui/case/case_window.py" line="493"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="518"/>
        <source>Request materials</source>
        <translation>通知补正材料</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="519"/>
        <source>Missing (one per line)</source>
        <translation>缺少的材料（每行一项）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="543"/>
        <source>Grant legal aid</source>
        <translation>给予法律援助</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="543"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="547"/>
        <source>Refuse legal aid</source>
        <translation>不予法律援助</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="548"/>
        <source>Reasons (written, s.38)</source>
        <translation>理由（书面说明）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="598"/>
        <source>Aid in advance, before the decision (法律援助法 s.44)</source>
        <translation>先行提供法律援助（法律援助法第四十四条）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="599"/>
        <source>Note (e.g. the day the limitation period ends)</source>
        <translation>说明（如诉讼时效届满日）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="627"/>
        <source>Agreement and power of attorney signed</source>
        <translation>已签订委托协议和授权委托书</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="639"/>
        <source>Agreement cannot be signed in time (程序规定 s.27)</source>
        <translation>无法按时签订委托协议（程序规定第二十七条）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="640"/>
        <source>Reason (the aided person&apos;s, or another objective one)</source>
        <translation>原因（受援人原因或其他客观原因）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="654"/>
        <source>Terminate legal aid (s.48)</source>
        <translation>终止法律援助（法律援助法第四十八条）</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="737"/>
        <source>Approve closing — quality of the case</source>
        <translation>结案审查 — 评定办案质量等级</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="748"/>
        <source>Return the closing file</source>
        <translation>退回结案材料</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="749"/>
        <source>What is missing or wrong</source>
        <translation>缺少或有误的材料</translation>
    </message>
    <message>
        <location filename="../../ui/case/case_window.py" line="768"/>
        <source>Application withdrawn</source>
        <translation>撤回申请</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="80"/>
        <source>Search: case number, name, ID number, phone or pinyin initials (Ctrl+F)</source>
        <translation>搜索：案号、姓名、身份证号、电话或拼音首字母（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="82"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="83"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="84"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="86"/>
        <source>All offices</source>
        <translation>全部机构</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="90"/>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="92"/>
        <source>All handlers</source>
        <translation>全部承办人</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="93"/>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="186"/>
        <source>Default columns</source>
        <translation>默认列</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/kit/case_table.py" line="47"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="47"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="47"/>
        <source>Aided person</source>
        <translation>受援人</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="48"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="48"/>
        <source>Case type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="48"/>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="48"/>
        <source>Stage</source>
        <translation>诉讼阶段</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="49"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="49"/>
        <source>Received</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="49"/>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="49"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/kit/case_table.py" line="50"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/shell/login.py" line="108"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="114"/>
        <source>Your password was reset: choose your own now.</source>
        <translation>您的密码已被重置，请设置新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="115"/>
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="116"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="117"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="123"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="37"/>
        <source>Document</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="37"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="42"/>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="43"/>
        <source>Remove item</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="44"/>
        <source>Save this list</source>
        <translation>保存此清单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="45"/>
        <source>Restore the working list</source>
        <translation>恢复工作清单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="82"/>
        <source>The office&apos;s own list</source>
        <translation>本机构清单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="83"/>
        <source>The working list (forms.md)</source>
        <translation>工作清单（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="106"/>
        <source>Saved; closing files submitted from now on use it.</source>
        <translation>已保存，此后提交的结案材料按此清单核对。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checklist_editor.py" line="117"/>
        <source>The working list is back.</source>
        <translation>已恢复工作清单。</translation>
    </message>
</context>
<context>
    <name>ClosingDialog</name>
    <message>
        <location filename="../../ui/case/work_tab.py" line="321"/>
        <source>Submit the closing file</source>
        <translation>提交结案材料</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="334"/>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="341"/>
        <source>Yuan; empty if none</source>
        <translation>单位：元；没有则留空</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="349"/>
        <source>Documents in the file (★ required)</source>
        <translation>案卷材料（★为必备）</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="352"/>
        <source>Case ended on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="353"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="356"/>
        <source>Enforcement result</source>
        <translation>执行结果</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="359"/>
        <source>Hearing</source>
        <translation>审理方式</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="360"/>
        <source>Economic loss recovered</source>
        <translation>挽回经济损失</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="373"/>
        <source>Economic loss recovered: {0}</source>
        <translation>挽回经济损失：{0}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="60"/>
        <source>Correct registered facts: {0}</source>
        <translation>更正登记信息：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="66"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="78"/>
        <source>Possible life imprisonment or death penalty</source>
        <translation>可能判处无期徒刑、死刑</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="83"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="102"/>
        <source>The subsidy is {0}: its basis can no longer change</source>
        <translation>补贴{0}：其计算依据不能再更正</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="109"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="111"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="112"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="115"/>
        <source>Notifying organ</source>
        <translation>通知机关</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="118"/>
        <source>Ground of the notification</source>
        <translation>通知理由</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="121"/>
        <source>Organ&apos;s case number</source>
        <translation>机关案号</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="125"/>
        <source>Place of detention</source>
        <translation>羁押场所</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="127"/>
        <source>Stage</source>
        <translation>诉讼阶段</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="128"/>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="129"/>
        <source>Matter (s.31)</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="130"/>
        <source>Summary</source>
        <translation>案情概要</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="133"/>
        <source>Economic hardship</source>
        <translation>经济困难依据</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="142"/>
        <source>(from ID number)</source>
        <translation>（按身份证号）</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="157"/>
        <source>Aided person</source>
        <translation>受援人</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="159"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="160"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="161"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="162"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="163"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="164"/>
        <source>Groups</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="170"/>
        <source>The person has {0} other case(s) ({1}): a correction of the person applies to them too</source>
        <translation>该受援人另有{0}件案件（{1}）：对受援人信息的更正同样适用于这些案件</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="183"/>
        <source>e.g. the ID number was copied wrongly</source>
        <translation>例如：身份证号抄录错误</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="185"/>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="255"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/case/correction_dialog.py" line="257"/>
        <source>Not saved: see the fields marked in red</source>
        <translation>未保存：请查看红字标出的项目</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <location filename="../../ui/shell/login.py" line="220"/>
        <source>Locked after inactivity</source>
        <translation>长时间未操作，已锁定</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../ui/shell/crash.py" line="33"/>
        <source>Unexpected error</source>
        <translation>程序错误</translation>
    </message>
    <message>
        <location filename="../../ui/shell/crash.py" line="38"/>
        <source>Something went wrong inside legalaid ({0}). What you saved is safe; the last action may not have completed.
Details are in the log: {1}</source>
        <translation>legalaid 内部出错（{0}）。已保存的数据不受影响，最后一步操作可能没有完成。
详细信息见日志：{1}</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="31"/>
        <source>Where the data is kept</source>
        <translation>数据保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="32"/>
        <source>On this computer (recommended for one desktop)</source>
        <translation>保存在本机（单台电脑使用时推荐）</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="35"/>
        <source>On the office&apos;s PostgreSQL server (several desktops)</source>
        <translation>保存在办公室的 PostgreSQL 服务器（多台电脑共用）</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="44"/>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="48"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="49"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="50"/>
        <source>Database</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="51"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="52"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="86"/>
        <source>Connected.</source>
        <translation>连接成功。</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="46"/>
        <source>All running deadlines</source>
        <translation>全部待办期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="47"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="48"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="49"/>
        <source>Due within 7 days</source>
        <translation>7天内到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="57"/>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="64"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="71"/>
        <source>{0} (period {1})</source>
        <translation>{0}（期限 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="70"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="75"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="76"/>
        <source>Aided person</source>
        <translation>受援人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="77"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="110"/>
        <source>{0} overdue, {1} due today, {2} due within 7 days</source>
        <translation>逾期 {0} 件，今天到期 {1} 件，7天内到期 {2} 件</translation>
    </message>
</context>
<context>
    <name>DutyPage</name>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="117"/>
        <source>New station…</source>
        <translation>新增工作站…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="118"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="119"/>
        <source>Show stations no longer used</source>
        <translation>显示已停用的工作站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="121"/>
        <source>Duty stations</source>
        <translation>值班律师工作站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="137"/>
        <source>On duty (Enter)</source>
        <translation>排班（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="138"/>
        <source>Off duty (Del)</source>
        <translation>取消排班（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="139"/>
        <source>Repeat a week…</source>
        <translation>按周复制…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="144"/>
        <source>Lawyer</source>
        <translation>值班律师</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="210"/>
        <source> · no longer used</source>
        <translation> · 已停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="233"/>
        <source>{0}-{1:02d}</source>
        <translation>{0}年{1}月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="270"/>
        <source>Add a duty station to plan its rota.</source>
        <translation>请先新增值班律师工作站，再安排值班。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="274"/>
        <source>{0}: {1} duty day(s) this month. {2}</source>
        <translation>{0}：本月共值班 {1} 人日。{2}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="311"/>
        <source>Repeat a week</source>
        <translation>按周复制排班</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="313"/>
        <source>Repeat the week of {0} at {1} over how many following weeks?
Days already planned keep their lawyers.</source>
        <translation>将{1}自 {0} 起一周的排班复制到之后几周？
已排班的日期保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="324"/>
        <source>Not repeated</source>
        <translation>未复制</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="328"/>
        <source>{0} duty day(s) added.</source>
        <translation>已新增 {0} 个值班人日。</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="193"/>
        <source>Held on</source>
        <translation>讨论日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="194"/>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="195"/>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="196"/>
        <source>Agreed handling plan</source>
        <translation>处理方案</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="197"/>
        <location filename="../../ui/case/escalation_tab.py" line="450"/>
        <source>Signed minutes</source>
        <translation>签字记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="208"/>
        <source>Flag as major or difficult…</source>
        <translation>标记为重大疑难…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="209"/>
        <source>Confirm…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="210"/>
        <source>Dismiss…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="211"/>
        <source>Record a discussion…</source>
        <translation>记录集体讨论…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="212"/>
        <source>Report upward…</source>
        <translation>上报主管机关…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="213"/>
        <source>Record the reply…</source>
        <translation>登记批复…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="214"/>
        <source>Print report form…</source>
        <translation>打印报告表…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="223"/>
        <source>Print minutes form…</source>
        <translation>打印讨论记录…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="224"/>
        <source>Attach signed minutes…</source>
        <translation>附加签字记录…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="225"/>
        <source>Open signed minutes</source>
        <translation>打开签字记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="233"/>
        <source>Collective discussions</source>
        <translation>集体讨论</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="256"/>
        <source>Not a major or difficult case. Flag it by hand if it is.</source>
        <translation>本案未列为重大疑难案件。如属重大疑难，可手工标记。</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="259"/>
        <source>State: {0} · flagged on {1} by {2}</source>
        <translation>状态：{0} · {1}由{2}列入</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="262"/>
        <source>Reasons: {0}</source>
        <translation>理由：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="266"/>
        <source>Decided on {0} by {1}: {2}</source>
        <translation>{0}由{1}决定：{2}</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="270"/>
        <source>Report due on {0} ({1})</source>
        <translation>应于{0}前上报（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="191"/>
        <source>(not attached)</source>
        <translation>（未附）</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="298"/>
        <source>Reported on {0} to {1} ({2}): {3}</source>
        <translation>{0}上报{1}（{2}）：{3}</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="299"/>
        <source>no reference number</source>
        <translation>无文号</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="303"/>
        <source>Reply of {0}: {1}</source>
        <translation>{0}批复：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="324"/>
        <source>Flag as major or difficult</source>
        <translation>标记为重大疑难案件</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="324"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="338"/>
        <source>Confirm as major or difficult</source>
        <translation>确认为重大疑难案件</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="339"/>
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="339"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="397"/>
        <source>Save document</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="398"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="423"/>
        <location filename="../../ui/case/escalation_tab.py" line="426"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="433"/>
        <source>Minutes of the collective discussion</source>
        <translation>集体讨论记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="438"/>
        <source>Report form</source>
        <translation>重大疑难案件报告表</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="451"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif)</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="464"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
</context>
<context>
    <name>EscalationsPage</name>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="62"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="65"/>
        <source>Check open cases</source>
        <translation>检查在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="66"/>
        <source>Save register…</source>
        <translation>保存登记表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="71"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="72"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="73"/>
        <source>Aided person</source>
        <translation>受援人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="74"/>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="75"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="76"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="77"/>
        <source>Reasons</source>
        <translation>列入理由</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="79"/>
        <source>Report due</source>
        <translation>上报期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="81"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="90"/>
        <source>Flagged from</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="118"/>
        <location filename="../../ui/pages/escalations_page.py" line="191"/>
        <source>All offices</source>
        <translation>全部机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="156"/>
        <source>{0} cases · {1} open · {2} reports overdue</source>
        <translation>共{0}件 · 未办结{1}件 · 逾期未上报{2}件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="167"/>
        <source>Checking the open cases…</source>
        <translation>正在检查在办案件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="173"/>
        <source>No open case meets the criteria anew</source>
        <translation>没有新的在办案件符合识别标准</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="177"/>
        <source>Nothing was added</source>
        <translation>未添加任何案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="181"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="185"/>
        <source>{0} new candidates found</source>
        <translation>新发现{0}件候选案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="202"/>
        <source>Saved {0} cases: {1}</source>
        <translation>已保存{0}件：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="207"/>
        <source>Save register</source>
        <translation>保存登记表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/escalations_page.py" line="208"/>
        <source>PDF files (*.pdf);;Excel workbooks (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="263"/>
        <location filename="../../ui/pages/ledger_dialog.py" line="321"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="268"/>
        <source>Case ledger</source>
        <translation>案件台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="269"/>
        <source>Services ledger (consultations, drafting, duty help)</source>
        <translation>法律帮助台账（咨询、代拟文书、值班律师帮助）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="271"/>
        <location filename="../../ui/pages/ledger_dialog.py" line="310"/>
        <source>The cases of the current list (its filter)</source>
        <translation>当前案件列表（按其筛选条件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="274"/>
        <location filename="../../ui/pages/ledger_dialog.py" line="314"/>
        <source>A year: every case applied for, granted or closed in it</source>
        <translation>某一年度：该年申请、受理或结案的全部案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="282"/>
        <source>Full ID numbers (the export is recorded in the audit)</source>
        <translation>完整身份证号（此次导出记入审计记录）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="286"/>
        <source>Your role may not see full ID numbers</source>
        <translation>您的角色无权查看完整身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="287"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="308"/>
        <source>Every record</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="312"/>
        <source>A year: every service given in it</source>
        <translation>某一年度：该年提供的全部法律帮助</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="323"/>
        <source>Excel workbooks (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="332"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="352"/>
        <source>Exported {0} records to {1}</source>
        <translation>已导出 {0} 条记录到 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="354"/>
        <source>Exported {0} cases to {1}</source>
        <translation>已导出 {0} 件案件到 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="359"/>
        <source>Cancelled: no file was written</source>
        <translation>已取消，未写入文件</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="182"/>
        <source>Setting up legalaid</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="187"/>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="188"/>
        <source>Load 1,000 demonstration cases to try the application</source>
        <translation>载入 1000 件演示案件以试用</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="191"/>
        <source>The database is created when you finish.</source>
        <translation>点击“完成”后创建数据库。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/case/work_tab.py" line="394"/>
        <source>Follow-up</source>
        <translation>回访与质量检查</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="405"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="406"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="407"/>
        <source>With whom</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="408"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="409"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../ui/case/work_tab.py" line="423"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="424"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="425"/>
        <source>With whom</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="426"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="427"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="428"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="431"/>
        <source>Record follow-up…</source>
        <translation>记录回访/投诉…</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="451"/>
        <source>No closing file submitted yet.</source>
        <translation>尚未提交结案材料。</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="454"/>
        <source>Closing file: outcome {0}; {1} documents: {2}</source>
        <translation>结案材料：结果为{0}；共{1}项：{2}</translation>
    </message>
</context>
<context>
    <name>HandlerDialog</name>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="43"/>
        <source>New handler</source>
        <translation>新增承办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="53"/>
        <source>Familiar with minors&apos; cases</source>
        <translation>熟悉未成年人案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="57"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="58"/>
        <source>Firm or office</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="59"/>
        <source>Licence number</source>
        <translation>执业证号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="60"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="61"/>
        <source>Criminal practice (years)</source>
        <translation>刑事执业年限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="83"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>HandlersPage</name>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="145"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="146"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="147"/>
        <source>Firm or office</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="148"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="150"/>
        <source>Criminal practice (years)</source>
        <translation>刑事执业年限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="152"/>
        <source>Minors</source>
        <translation>未成年人专长</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="153"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="159"/>
        <source>New handler…</source>
        <translation>新增承办人…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="161"/>
        <source>Bank accounts…</source>
        <translation>银行账户…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/handlers_page.py" line="143"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>HelpDeskPage</name>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="131"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="156"/>
        <source>Help given</source>
        <translation>帮助内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="162"/>
        <location filename="../../ui/pages/help_desk_page.py" line="480"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="163"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="169"/>
        <location filename="../../ui/pages/help_desk_page.py" line="563"/>
        <source>Form of aid</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="171"/>
        <location filename="../../ui/pages/help_desk_page.py" line="562"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="173"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="178"/>
        <location filename="../../ui/pages/help_desk_page.py" line="565"/>
        <source>Person served</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="180"/>
        <location filename="../../ui/pages/help_desk_page.py" line="566"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="182"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="184"/>
        <location filename="../../ui/pages/help_desk_page.py" line="569"/>
        <source>Person-times</source>
        <translation>人次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="189"/>
        <source>Groups</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="195"/>
        <source>Matter</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="206"/>
        <location filename="../../ui/pages/help_desk_page.py" line="327"/>
        <source>Question</source>
        <translation>咨询问题</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="209"/>
        <source>Answer</source>
        <translation>答复意见</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="212"/>
        <location filename="../../ui/pages/help_desk_page.py" line="332"/>
        <source>Answered by</source>
        <translation>解答人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="308"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="312"/>
        <source>Document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="316"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="328"/>
        <source>Matter drafted for</source>
        <translation>代拟事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="329"/>
        <source>Charge</source>
        <translation>涉嫌罪名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="332"/>
        <source>Duty lawyer</source>
        <translation>值班律师</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="382"/>
        <source>Served before: {0} time(s), {1} case(s) on file</source>
        <translation>以前来过：法律帮助 {0} 次，案件 {1} 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="431"/>
        <source>Already registered?</source>
        <translation>是否重复登记？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="432"/>
        <source>Register it as another service anyway?</source>
        <translation>仍作为另一次服务登记吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="466"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="474"/>
        <location filename="../../ui/pages/help_desk_page.py" line="778"/>
        <location filename="../../ui/pages/help_desk_page.py" line="819"/>
        <location filename="../../ui/pages/help_desk_page.py" line="831"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="499"/>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="539"/>
        <source>All forms</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="543"/>
        <source>Name, phone, ID number, content or handler</source>
        <translation>姓名、电话、身份证号、内容或办理人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="547"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="550"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="552"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="564"/>
        <source>Channel / station / document</source>
        <translation>方式／工作站／文书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="567"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="568"/>
        <source>Handled by</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="570"/>
        <source>Case</source>
        <translation>转为案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="576"/>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="577"/>
        <location filename="../../ui/pages/help_desk_page.py" line="730"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="578"/>
        <source>Turn into an application…</source>
        <translation>转为援助申请…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="579"/>
        <source>Open the case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="580"/>
        <source>Consultation register (PDF)…</source>
        <translation>咨询登记表（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="583"/>
        <source>Registration form (PDF)…</source>
        <translation>登记表（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="585"/>
        <source>The day&apos;s forms (PDF)…</source>
        <translation>当日逐条登记表（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="685"/>
        <source>Not shown</source>
        <translation>无法显示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="694"/>
        <source> (newest {0} shown)</source>
        <translation>（显示最新 {0} 条）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="697"/>
        <source>{0} record(s), {1} person-time(s)</source>
        <translation>共 {0} 条，{1} 人次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="731"/>
        <source>Delete the record of {0} on {1}?</source>
        <translation>删除 {1} {0}的记录吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="740"/>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="760"/>
        <source>Consultation register</source>
        <translation>咨询登记表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="761"/>
        <source>PDF files (*.pdf);;Excel workbooks (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="776"/>
        <source>Writing the register…</source>
        <translation>正在生成咨询登记表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="780"/>
        <source>Saved: {0} ({1})</source>
        <translation>已保存：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="790"/>
        <location filename="../../ui/pages/help_desk_page.py" line="794"/>
        <location filename="../../ui/pages/help_desk_page.py" line="802"/>
        <location filename="../../ui/pages/help_desk_page.py" line="807"/>
        <source>Registration form</source>
        <translation>登记表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="791"/>
        <location filename="../../ui/pages/help_desk_page.py" line="804"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="813"/>
        <source>Choose one day (from and to the same) first.</source>
        <translation>请先选择同一天（起止日期相同）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="817"/>
        <location filename="../../ui/pages/help_desk_page.py" line="829"/>
        <source>Writing the forms…</source>
        <translation>正在生成登记表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/help_desk_page.py" line="821"/>
        <location filename="../../ui/pages/help_desk_page.py" line="833"/>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
</context>
<context>
    <name>HolidaysBox</name>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="98"/>
        <source>Official holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="106"/>
        <source>Enter a notice…</source>
        <translation>录入放假通知…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="110"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="125"/>
        <source>Known years: {0}. Due dates in other years are marked 预估 (estimated).</source>
        <translation>已有放假安排的年度：{0}。其他年度的到期日标为“预估”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="135"/>
        <source>{0}: {1}</source>
        <translation>{0} 年：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="140"/>
        <source>{0}: {1} — {2} rest days on weekdays, {3} make-up working days</source>
        <translation>{0} 年：{1} — 工作日放假 {2} 天，调休上班 {3} 天</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="123"/>
        <location filename="../../ui/pages/ledger_dialog.py" line="173"/>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="130"/>
        <source>Case ledger</source>
        <translation>案件台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="131"/>
        <source>Services ledger (consultations, drafting, duty help)</source>
        <translation>法律帮助台账（咨询、代拟文书、值班律师帮助）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="134"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="135"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="139"/>
        <source>Allow rows that repeat a case on file (different matters of one person)</source>
        <translation>允许与已有案件重复的行（同一人的不同案件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="140"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="145"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="146"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="147"/>
        <source>Problem</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="148"/>
        <source>Cell</source>
        <translation>单元格内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="154"/>
        <source>Save the list as a workbook…</source>
        <translation>错误清单另存为工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="189"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="210"/>
        <source>Imported {0} consultations, drafted documents and duty helps. Nothing else was changed.</source>
        <translation>已导入 {0} 条法律咨询、代拟文书和值班律师帮助记录。未改动其他数据。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="220"/>
        <source>Imported {0} cases (new: {1} persons, {2} handlers, {3} firms). Nothing else was changed.</source>
        <translation>已导入 {0} 件案件（新增受援人 {1} 人、承办人 {2} 人、承办单位 {3} 家），未改动其他数据。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="228"/>
        <source>Cancelled: nothing was imported</source>
        <translation>已取消，未导入任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="237"/>
        <source>{0} problems: nothing was imported. Correct the file and import again.</source>
        <translation>共 {0} 处错误，未导入任何数据。请改正文件后重新导入。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="248"/>
        <source>Save the list of problems</source>
        <translation>保存错误清单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="250"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="257"/>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
</context>
<context>
    <name>InspectionsTab</name>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="719"/>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="725"/>
        <source> files</source>
        <translation> 份</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="730"/>
        <source>What was inspected, e.g. 2026年第三季度结案质量评查</source>
        <translation>评查事项，如“2026年第三季度结案质量评查”</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="731"/>
        <source>Record inspection</source>
        <translation>登记评查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="732"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="734"/>
        <location filename="../../ui/pages/subsidies_page.py" line="744"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="735"/>
        <location filename="../../ui/pages/subsidies_page.py" line="745"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="736"/>
        <location filename="../../ui/pages/subsidies_page.py" line="746"/>
        <source>Inspector</source>
        <translation>评查人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="737"/>
        <location filename="../../ui/pages/subsidies_page.py" line="747"/>
        <source>Files</source>
        <translation>案卷数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="748"/>
        <source>Inspection</source>
        <translation>评查事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="749"/>
        <source>Pay (yuan)</source>
        <translation>补贴（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="752"/>
        <source>Payment batch</source>
        <translation>发放批次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="763"/>
        <source>Paid per file by the standard&apos;s item 案件评查, in the next payment batch</source>
        <translation>按补贴标准的“案件评查”项目逐份计算，列入下一个发放批次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="743"/>
        <source>not paid by the standard</source>
        <translation>标准未规定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="742"/>
        <source>to pay</source>
        <translation>待发放</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="809"/>
        <source>Inspection recorded.</source>
        <translation>已登记评查。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="816"/>
        <source>Remove inspection</source>
        <translation>删除评查记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="817"/>
        <source>Remove the inspection of {0} on {1} ({2} files)?</source>
        <translation>删除{0}在{1}的评查记录（{2}份案卷）？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="829"/>
        <source>Choose an inspection first.</source>
        <translation>请先选择一次评查。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="839"/>
        <source>Inspection removed.</source>
        <translation>已删除该次评查。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="74"/>
        <source>Accept a notification</source>
        <translation>接收通知（通知辩护/通知代理）</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="75"/>
        <source>Register an application</source>
        <translation>登记法律援助申请</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="94"/>
        <source>Court, procuratorate, police or state-security organ</source>
        <translation>法院、检察院、公安机关或国家安全机关</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="97"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="101"/>
        <source>The organ&apos;s own case number</source>
        <translation>通知机关的案号</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="103"/>
        <source>e.g. 株洲市看守所 (if detained)</source>
        <translation>如：株洲市看守所（被羁押时）</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="109"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="113"/>
        <source>e.g. theft, unpaid wages</source>
        <translation>如：盗窃罪、追索劳动报酬</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="123"/>
        <source>Co-applicants and joined cases count too</source>
        <translation>共同受援人及并案均计入</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="126"/>
        <source>Aided persons (incl. joined cases)</source>
        <translation>受援人数（含并案）</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="129"/>
        <source>Possible life imprisonment or death penalty</source>
        <translation>可能判处无期徒刑、死刑</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="131"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="133"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="134"/>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="137"/>
        <source>Notifying organ</source>
        <translation>通知机关</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="140"/>
        <source>Ground of the notification</source>
        <translation>通知理由</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="142"/>
        <source>Organ&apos;s case number</source>
        <translation>机关案号</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="143"/>
        <source>Place of detention</source>
        <translation>羁押场所</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="144"/>
        <source>Case type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="145"/>
        <source>Stage</source>
        <translation>诉讼阶段</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="146"/>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="147"/>
        <source>Matter (s.31)</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="148"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="149"/>
        <source>Summary</source>
        <translation>案情概要</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="150"/>
        <source>Where handled</source>
        <translation>办理地域</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="157"/>
        <source>18 characters; fills birth date and gender</source>
        <translation>18位，自动填入出生日期和性别</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="160"/>
        <source>(from ID number)</source>
        <translation>（按身份证号）</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="173"/>
        <source>Aided person</source>
        <translation>受援人</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="175"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="176"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="178"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="179"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="180"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="181"/>
        <source>Groups</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="185"/>
        <source>Statement of economic hardship and integrity pledge</source>
        <translation>经济困难状况说明及个人诚信承诺</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="186"/>
        <source>The applicant signed the integrity pledge</source>
        <translation>申请人已签署个人诚信承诺</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="187"/>
        <source>Exempt from the hardship check</source>
        <translation>免予经济困难审查</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="198"/>
        <source>Economic hardship</source>
        <translation>经济困难</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="279"/>
        <source>Born {0}, {1}, {2} years old</source>
        <translation>出生日期 {0}，{1}，{2} 岁</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="298"/>
        <source>Already on file with {0} case(s): {1}</source>
        <translation>该受援人已有 {0} 件案件：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="324"/>
        <source>Register an application from the {0} of {1}</source>
        <translation>由 {1} 的{0}转为法律援助申请</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="398"/>
        <source>Choose the ground of the notification (法律援助法 s.25)</source>
        <translation>请选择通知理由（法律援助法第二十五条）</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="407"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="412"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="414"/>
        <source>Register it as a separate case anyway?</source>
        <translation>确属不同案件，仍然登记？</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="422"/>
        <source>Person on file</source>
        <translation>受援人已登记</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="424"/>
        <source>Update the person&apos;s details and register the case?</source>
        <translation>按本次填写更新受援人信息并登记案件？</translation>
    </message>
    <message>
        <location filename="../../ui/case/intake_dialog.py" line="432"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/shell/login.py" line="165"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="180"/>
        <source>Locked after inactivity. {0}, enter your password to continue.</source>
        <translation>长时间未操作，已锁定。{0}，请输入密码继续。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/shell/login.py" line="77"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="81"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="82"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/login.py" line="96"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="264"/>
        <source>Legal aid case management</source>
        <translation>法律援助案件管理</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="508"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="511"/>
        <source>Deadlines</source>
        <translation>待办期限</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="513"/>
        <source>Handlers</source>
        <translation>承办人员</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="514"/>
        <source>Subsidies</source>
        <translation>补贴</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="515"/>
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="518"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="373"/>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="323"/>
        <source>Legal aid case management — {0} ({1})</source>
        <translation>法律援助案件管理 — {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="355"/>
        <source>The audit trail is broken at entry {0}: {1}. Report it; compare with the last signed anchor printout (审计记录 › 打印锚点).</source>
        <translation>审计记录在第 {0} 条处断开：{1}。请立即报告，并与最近一次签字存档的锚点打印件核对（审计记录 › 打印锚点）。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="375"/>
        <source>New &amp;application…</source>
        <translation>新建申请(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="378"/>
        <source>Accept a &amp;notification…</source>
        <translation>接收通知(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="380"/>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="382"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="385"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="387"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="397"/>
        <source>&amp;Import ledger…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="398"/>
        <source>E&amp;xport ledger…</source>
        <translation>导出台账(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="405"/>
        <source>Today&apos;s application receipts (PDF)…</source>
        <translation>当日申请材料接收凭证（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="411"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="412"/>
        <source>&amp;About legalaid</source>
        <translation>关于 legalaid(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="413"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="427"/>
        <source>Columns shown</source>
        <translation>显示的列</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="430"/>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="431"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="432"/>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="435"/>
        <source>Sign out (switch user)</source>
        <translation>退出登录（切换用户）</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="507"/>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="509"/>
        <source>Legal help</source>
        <translation>法律帮助</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="510"/>
        <source>Duty rota</source>
        <translation>值班安排</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="512"/>
        <source>Major or difficult</source>
        <translation>重大疑难</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="516"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="357"/>
        <location filename="../../ui/shell/main_window.py" line="517"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="553"/>
        <location filename="../../ui/shell/main_window.py" line="557"/>
        <source>Today&apos;s application receipts</source>
        <translation>当日申请材料接收凭证</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="554"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="564"/>
        <source>Writing the receipts…</source>
        <translation>正在生成接收凭证…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="566"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="568"/>
        <source>{0} receipts saved: {1}</source>
        <translation>已保存 {0} 份接收凭证：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="598"/>
        <source>Registered as {0}</source>
        <translation>已登记，案号 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="605"/>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="605"/>
        <source>Select a case first.</source>
        <translation>请先选择一件案件。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="613"/>
        <source>Cannot open the case</source>
        <translation>无法打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="685"/>
        <source>Counting the cases…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="686"/>
        <source>{0} cases shown</source>
        <translation>共 {0} 件案件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="688"/>
        <source>{0} cases shown · {1} overdue deadlines</source>
        <translation>共 {0} 件案件 · 逾期 {1} 件</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="77"/>
        <source>Collective discussion</source>
        <translation>集体讨论</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="94"/>
        <source>Other participants, separated by 、</source>
        <translation>其他参加人员，以“、”分隔</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="98"/>
        <source>optional: the signed minutes, scanned</source>
        <translation>可选：签字后的讨论记录扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="99"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="105"/>
        <source>Held on</source>
        <translation>讨论日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="106"/>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="107"/>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="109"/>
        <source>Opinions</source>
        <translation>讨论意见</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="110"/>
        <source>Agreed handling plan</source>
        <translation>处理方案</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="111"/>
        <location filename="../../ui/case/escalation_tab.py" line="118"/>
        <source>Signed minutes</source>
        <translation>签字记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="119"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif)</translation>
    </message>
</context>
<context>
    <name>MyCasesPage</name>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="43"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="44"/>
        <source>Aided person</source>
        <translation>受援人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="46"/>
        <source>Case type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="49"/>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="50"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="51"/>
        <source>Next deadline</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="53"/>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="99"/>
        <source>{0} · file returned: {1}</source>
        <translation>{0}（结案材料被退回：{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="105"/>
        <source>Returned on {0}: {1}</source>
        <translation>{0}退回：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="85"/>
        <source>{0} open cases assigned to you · {1} overdue</source>
        <translation>您承办的未结案件{0}件 · 逾期{1}件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/my_cases_page.py" line="87"/>
        <source> · {0} closing files returned</source>
        <translation> · {0} 份结案材料被退回</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="41"/>
        <source>Enter the official holiday notice</source>
        <translation>录入国务院放假通知</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="44"/>
        <source>From a file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="51"/>
        <source>One line per day, as the State Council notice lists them: date, 休息 or 上班 (a make-up working day), name. Days not listed follow the week.</source>
        <translation>按国务院放假通知，每天一行：日期、类型（休息 或 上班，上班指调休上班）、名称。未列出的日期按正常周末计算。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="64"/>
        <source>The first line must be the header 日期,类型,名称</source>
        <translation>第一行应为表头：日期,类型,名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="68"/>
        <source>Recounting…</source>
        <translation>正在重新计算期限…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="75"/>
        <source>Entered the {0} notice ({1} days); {2} open cases have a new due date.</source>
        <translation>已录入 {0} 年放假安排（{1} 天）；{2} 件在办案件的到期日已重新计算。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="80"/>
        <source>Notice table</source>
        <translation>放假安排表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/holidays_box.py" line="81"/>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>表格 (*.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>OfficesPage</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="98"/>
        <source>Legal-aid offices</source>
        <translation>法律援助机构</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="104"/>
        <source>The first row is the main office; each office numbers its own cases with its prefix (株 → 株法援〔2026〕第1号).</source>
        <translation>第一行为本级机构，其余为下属机构；每个机构用自己的案号前缀编号（株 → 株法援〔2026〕第1号）。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="107"/>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="107"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="108"/>
        <source>Case-number prefix</source>
        <translation>案号前缀</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="134"/>
        <source>Register at least one office.</source>
        <translation>请至少登记一个机构。</translation>
    </message>
</context>
<context>
    <name>OfficesTab</name>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="39"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="39"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="39"/>
        <source>Case-number prefix</source>
        <translation>案号前缀</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="40"/>
        <source>Parent office</source>
        <translation>上级机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="40"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="40"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="47"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="52"/>
        <source>New office</source>
        <translation>新增机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="54"/>
        <source>Code, e.g. LL</source>
        <translation>代码，如 LL</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="55"/>
        <source>Name, e.g. 醴陵市法律援助中心</source>
        <translation>名称，如 醴陵市法律援助中心</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="56"/>
        <source>Prefix, e.g. 醴</source>
        <translation>案号前缀，如 醴</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="58"/>
        <source>Add office</source>
        <translation>新增机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="86"/>
        <source>(no parent: a new top office)</source>
        <translation>（无上级：新的顶层机构）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="94"/>
        <source>(none: a top office)</source>
        <translation>（无上级：顶级机构）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="134"/>
        <source>{0} offices saved.</source>
        <translation>已保存 {0} 个机构。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/offices_tab.py" line="149"/>
        <source>Office added.</source>
        <translation>已新增机构。</translation>
    </message>
</context>
<context>
    <name>PageLoader</name>
    <message>
        <location filename="../../ui/work/page_loader.py" line="45"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="539"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="539"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="539"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="540"/>
        <source>Firm</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="540"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="540"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="545"/>
        <source>Show approved subsidies</source>
        <translation>显示已审核的补贴</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="546"/>
        <source>Create payment batch</source>
        <translation>生成发放批次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="548"/>
        <source>Save list…</source>
        <translation>保存发放表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="549"/>
        <source>Mark batch paid</source>
        <translation>标记为已发放</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="563"/>
        <source>Payment batches</source>
        <translation>发放批次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="581"/>
        <source>All handlers</source>
        <translation>全部承办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="583"/>
        <source>All firms</source>
        <translation>全部承办单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="591"/>
        <location filename="../../ui/pages/subsidies_page.py" line="608"/>
        <source>paid</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="592"/>
        <source>to pay</source>
        <translation>待发放</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="627"/>
        <source>Reading the period&apos;s subsidies…</source>
        <translation>正在读取本期补贴…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="649"/>
        <source>{0} case subsidy lines and {1} lines of duty, drafting or inspection pay, {2} yuan</source>
        <translation>办案补贴 {0} 行，值班、代拟文书或案件评查补贴 {1} 行，共 {2} 元</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="655"/>
        <location filename="../../ui/pages/subsidies_page.py" line="702"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="662"/>
        <source>Batch {0} created: {1} yuan</source>
        <translation>已生成批次 {0}：{1} 元</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="670"/>
        <source>Writing the list…</source>
        <translation>正在生成发放表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="674"/>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="680"/>
        <source>Save list</source>
        <translation>保存发放表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="682"/>
        <source>PDF files (*.pdf);;Excel workbooks (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="691"/>
        <source>Mark as paid</source>
        <translation>标记为已发放</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="692"/>
        <source>Finance has paid batch {0}? It cannot be changed afterwards.</source>
        <translation>财务已发放批次 {0}？标记后不能再更改。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="707"/>
        <source>Paid: {0} yuan</source>
        <translation>已发放：{0} 元</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../../ui/kit/pdf_view.py" line="175"/>
        <source>Saved. Print it now?</source>
        <translation>已保存。现在打印吗？</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="153"/>
        <source>Authority&apos;s reply</source>
        <translation>主管机关批复</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="153"/>
        <source>Report upward</source>
        <translation>上报主管机关</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="156"/>
        <source>e.g. 株洲市司法局</source>
        <translation>例如：株洲市司法局</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="160"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="162"/>
        <source>Authority</source>
        <translation>报送机关</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="163"/>
        <source>Reference number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="164"/>
        <source>Reply</source>
        <translation>批复意见</translation>
    </message>
    <message>
        <location filename="../../ui/case/escalation_tab.py" line="164"/>
        <source>Content</source>
        <translation>报告内容</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="60"/>
        <source>Annual statistics report</source>
        <translation>年度统计报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="61"/>
        <source>Mid-year “double half” report</source>
        <translation>“双过半”报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="62"/>
        <source>Public notice of legal aid (s.58)</source>
        <translation>法律援助信息公开（第五十八条）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="66"/>
        <source>Up to</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="73"/>
        <source>All offices</source>
        <translation>全部机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="77"/>
        <source>Preview</source>
        <translation>生成预览</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="79"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="80"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="81"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="90"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="91"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="95"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="96"/>
        <location filename="../../ui/pages/reports_page.py" line="105"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="106"/>
        <source>Target</source>
        <translation>年度任务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="107"/>
        <source>Cases</source>
        <translation>已办理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="108"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="109"/>
        <source>Time progress</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="110"/>
        <source>Forecast 30 June</source>
        <translation>预测6月30日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="111"/>
        <source>Forecast year</source>
        <translation>预测全年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="112"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="113"/>
        <source>Consultation target</source>
        <translation>咨询任务（人次）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="123"/>
        <source>Save targets</source>
        <translation>保存年度任务数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="124"/>
        <source>Yearly targets and forecast</source>
        <translation>年度任务与进度预测</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="139"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="140"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="141"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="185"/>
        <source>Statistics report</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="193"/>
        <source>Counting…</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="223"/>
        <source>{0}: {1} page(s)</source>
        <translation>{0}：共 {1} 页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="252"/>
        <source>Writing the workbook…</source>
        <translation>正在生成工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="256"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="257"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="260"/>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="265"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="267"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="273"/>
        <source>Not exported</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="275"/>
        <source>Exported: {0}</source>
        <translation>已导出：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="286"/>
        <source>{0} page(s) sent to the printer</source>
        <translation>已发送 {0} 页到打印机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="311"/>
        <source>Forecast basis: {0}</source>
        <translation>预测依据：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="324"/>
        <source>At risk of missing the target</source>
        <translation>有不能完成任务的风险</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="316"/>
        <source>The target of {0} must be a whole number, not “{1}”</source>
        <translation>{0}的年度任务数应为整数，现为「{1}」</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="363"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="366"/>
        <source>Targets saved</source>
        <translation>年度任务数已保存</translation>
    </message>
</context>
<context>
    <name>RepresentativeBox</name>
    <message>
        <location filename="../../ui/case/representative_box.py" line="16"/>
        <source>Representative</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../ui/case/representative_box.py" line="18"/>
        <source>(the person applies)</source>
        <translation>（本人申请）</translation>
    </message>
    <message>
        <location filename="../../ui/case/representative_box.py" line="23"/>
        <source>e.g. 父亲, 配偶, 监护人</source>
        <translation>如：父亲、配偶、监护人</translation>
    </message>
    <message>
        <location filename="../../ui/case/representative_box.py" line="26"/>
        <source>Acting as</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/case/representative_box.py" line="28"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/case/representative_box.py" line="29"/>
        <source>Relation</source>
        <translation>与受援人关系</translation>
    </message>
    <message>
        <location filename="../../ui/case/representative_box.py" line="30"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="85"/>
        <source>Legal deadlines</source>
        <translation>法定期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="104"/>
        <source>Save deadline rules</source>
        <translation>保存期限规则</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="147"/>
        <location filename="../../ui/pages/settings_page.py" line="225"/>
        <source>Document wording</source>
        <translation>文书内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="153"/>
        <source>Blanks: {0}</source>
        <translation>可用填空：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="155"/>
        <source>Save wording</source>
        <translation>保存文书内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="156"/>
        <source>Restore the default</source>
        <translation>恢复默认内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="168"/>
        <source>Backups</source>
        <translation>数据备份</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="246"/>
        <source>Daily backups go to {0}</source>
        <translation>每日自动备份保存在 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="174"/>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="109"/>
        <source>Major or difficult cases: recognition</source>
        <translation>重大疑难案件识别标准</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="116"/>
        <source> persons or more</source>
        <translation> 人及以上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="120"/>
        <source>Offences that make a minor&apos;s case serious, separated by 、</source>
        <translation>未成年人涉嫌这些罪名即属严重犯罪，以“、”分隔</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="124"/>
        <source>Group case</source>
        <translation>群体性案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="125"/>
        <source>Serious offences</source>
        <translation>严重犯罪罪名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="126"/>
        <source>Save criteria</source>
        <translation>保存识别标准</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="132"/>
        <source>Desktop lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="136"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="137"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="139"/>
        <source>Lock a desktop left idle after</source>
        <translation>无操作多久后锁定桌面</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="172"/>
        <source>Change folder…</source>
        <translation>更改文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="175"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="203"/>
        <source>Restores keep the replaced database beside the live one, and an interrupted restore or backup can leave an unfinished file: copies of personal data. Replaced databases are deleted after 30 days, unfinished files after one day.</source>
        <translation>恢复备份时，被替换的数据库另存在现用数据库旁边；中断的恢复或备份可能留下未完成的文件。这些都是个人信息的副本：替换前的数据库保留 30 天后删除，未完成的文件一天后删除。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="207"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="207"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="207"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="208"/>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="215"/>
        <source>Delete selected copies…</source>
        <translation>删除所选副本…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="224"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="226"/>
        <source>Closing-file checklists</source>
        <translation>结案材料清单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="227"/>
        <source>Copies of the data</source>
        <translation>数据副本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="230"/>
        <source>Offices</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="250"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="260"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="264"/>
        <source>Backed up to {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="272"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="279"/>
        <source>Restored; the replaced database is kept at {0}</source>
        <translation>已恢复；原数据库已另存为 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="312"/>
        <source>Deleted {0} copies</source>
        <translation>已删除 {0} 个副本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="317"/>
        <source>Select the copies to delete</source>
        <translation>请先选择要删除的副本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="321"/>
        <source>Delete copies</source>
        <translation>删除副本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="322"/>
        <source>Delete the selected copies of the data? They cannot be brought back.</source>
        <translation>删除所选的数据副本吗？删除后无法找回。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="330"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="332"/>
        <location filename="../../ui/pages/settings_page.py" line="342"/>
        <source>Backups (*.sqlite3)</source>
        <translation>备份文件 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="340"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="348"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="351"/>
        <source>Replace the current data with this backup? The current database is kept aside.</source>
        <translation>用这个备份替换现有数据吗？现有数据库会另存保留。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="392"/>
        <source>Saved; it applies when a user next signs in.</source>
        <translation>已保存，用户下次登录时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="407"/>
        <source>Criteria saved; 重大疑难 → Check open cases applies them to open cases.</source>
        <translation>识别标准已保存；在“重大疑难”中点击“检查在办案件”即对在办案件适用。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="425"/>
        <source>changed from the default {0}</source>
        <translation>已改（默认 {0}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="427"/>
        <source>default ({0}; the Law sets no period)</source>
        <translation>默认 {0}（法律未规定期限）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="429"/>
        <source>as the Law ({0})</source>
        <translation>同法律规定（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="432"/>
        <source>longer than the Law&apos;s {0}</source>
        <translation>长于法定的 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="435"/>
        <source>differs from the Law&apos;s {0}</source>
        <translation>不同于法定的 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="447"/>
        <source>Longer than the Law</source>
        <translation>期限长于法律规定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="452"/>
        <source>These deadlines give more time than the Law allows:
{0}

Cases counted this way can pass their legal deadline while the screen shows them on time. Save anyway?</source>
        <translation>以下期限比法律规定的时间更长：
{0}

按此计算，案件可能已超过法定期限，而屏幕仍显示未逾期。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="462"/>
        <source>Recounting…</source>
        <translation>正在重新计算期限…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="466"/>
        <source>Deadline rules saved; open cases recounted.</source>
        <translation>期限规则已保存，在办案件的期限已重新计算。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="478"/>
        <source>Wording saved.</source>
        <translation>文书内容已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="484"/>
        <source>Default wording restored.</source>
        <translation>已恢复默认文书内容。</translation>
    </message>
</context>
<context>
    <name>StandardsTab</name>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="78"/>
        <source>Case type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="80"/>
        <source>Base (yuan)</source>
        <translation>基本补贴（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="62"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="64"/>
        <source>Name</source>
        <translation>标准名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="66"/>
        <source>Issued by</source>
        <translation>制定机关</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="68"/>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="103"/>
        <source>Base amounts</source>
        <translation>基本补贴</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="104"/>
        <source>Add-ons and factors</source>
        <translation>加发与系数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="147"/>
        <source>Cross-region add-on (yuan)</source>
        <translation>异地补贴（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="108"/>
        <source>Save as a new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="78"/>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="78"/>
        <source>Outcome</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="78"/>
        <source>Hearing</source>
        <translation>审理方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="79"/>
        <source>Enforcement result</source>
        <translation>执行结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="79"/>
        <source>Quality grade</source>
        <translation>质量等级</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="79"/>
        <source>Life or death</source>
        <translation>无期徒刑、死刑</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="80"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="88"/>
        <source>Several values in a cell are separated by 、; an empty cell matches any case. The first row that matches a case gives its base amount.</source>
        <translation>一格中的多个值用“、”分隔；空格表示不限。案件按第一条符合的规则确定基本补贴。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="89"/>
        <source>Add row</source>
        <translation>增加一行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="90"/>
        <source>Remove row</source>
        <translation>删除该行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="105"/>
        <source>By stage and region; clauses</source>
        <translation>阶段×地域、条款</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="106"/>
        <source>Per-day and per-piece items</source>
        <translation>按日和按件项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="109"/>
        <source>Save changes to this version</source>
        <translation>保存对本版本的修改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="110"/>
        <source>Import file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="111"/>
        <source>Export file…</source>
        <translation>导出文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="150"/>
        <source>Handled elsewhere, no tier given</source>
        <translation>异地办理（未注明层级）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="154"/>
        <source>Major or difficult case</source>
        <translation>重大疑难案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="157"/>
        <source>Add-on (yuan)</source>
        <translation>加发金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="158"/>
        <source>Multiplier of the base</source>
        <translation>基本补贴的倍数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="160"/>
        <source>The extra never exceeds the base</source>
        <translation>加发部分不超过基本补贴</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="161"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="162"/>
        <source>Amount or multiplier</source>
        <translation>金额或倍数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="164"/>
        <source>Extra aided persons or joined cases</source>
        <translation>增加受援人或并案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="168"/>
        <location filename="../../ui/pages/subsidies_page.py" line="174"/>
        <location filename="../../ui/pages/subsidies_page.py" line="178"/>
        <source>empty: no limit</source>
        <translation>留空表示不设上限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="169"/>
        <source>Per extra person (yuan)</source>
        <translation>每增加一人（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="170"/>
        <source>At most (persons)</source>
        <translation>最多计算人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="175"/>
        <source>Per extra case joined (yuan)</source>
        <translation>同案每增加一件（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="176"/>
        <source>At most (cases)</source>
        <translation>最多计（件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="179"/>
        <source>A case at most (yuan, in all)</source>
        <translation>每件全额上限（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="180"/>
        <source>Terminated cases (终止)</source>
        <translation>终止援助的案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="184"/>
        <source>empty: the table says nothing (pays 0)</source>
        <translation>留空：标准未规定（不支付）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="185"/>
        <source>Pay the stages completed instead</source>
        <translation>改按已完成阶段支付</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="186"/>
        <source>Share paid (0–1)</source>
        <translation>支付比例（0–1）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="189"/>
        <source>Quality grade of the closing review: factor</source>
        <translation>结案评查质量等级：浮动系数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="193"/>
        <source>empty: 1</source>
        <translation>留空：1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="210"/>
        <source>Add-on by stage and region (yuan; replaces the tier&apos;s add-on where filled)</source>
        <translation>按阶段和地域的补贴（元；填写的格子取代按地域层级的补贴）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="218"/>
        <source>Clause of the table for each kind of rule (e.g. 第四条)</source>
        <translation>各类规则在标准文件中的条款（如“第四条”）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="243"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="231"/>
        <source>Yuan per day</source>
        <translation>每日金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="246"/>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="247"/>
        <source>Remove item</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="232"/>
        <source>e.g. 值班律师 (duty lawyer) per day on duty</source>
        <translation>例如：值班律师按值班天数计发</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="135"/>
        <source>Handler type: factor (1 = full amount) or flat amount</source>
        <translation>承办人类型：系数（1为全额）或每件定额</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="142"/>
        <source>flat (yuan)</source>
        <translation>定额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="235"/>
        <source>Yuan per piece</source>
        <translation>每件金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="236"/>
        <source>e.g. 代拟法律文书 (document drafted) per piece</source>
        <translation>例如：代拟法律文书按件计发</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="266"/>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="266"/>
        <source> (used)</source>
        <translation>（已使用）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="406"/>
        <source>Standard saved.</source>
        <translation>补贴标准已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="411"/>
        <source>Import a standard</source>
        <translation>导入补贴标准</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="412"/>
        <location filename="../../ui/pages/subsidies_page.py" line="429"/>
        <source>Standard files (*.json)</source>
        <translation>补贴标准文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="427"/>
        <source>Export the standard</source>
        <translation>导出补贴标准</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="55"/>
        <source>Duty station</source>
        <translation>值班律师工作站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="60"/>
        <source>e.g. 县人民法院值班律师工作站</source>
        <translation>如：县人民法院值班律师工作站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="65"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="72"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="73"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="74"/>
        <source>Where</source>
        <translation>设在</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duty_page.py" line="75"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/case/step_dialog.py" line="33"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/step_dialog.py" line="35"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>SubsidiesPage</name>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="850"/>
        <source>Payments</source>
        <translation>补贴发放</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="851"/>
        <source>File inspections</source>
        <translation>案件评查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subsidies_page.py" line="852"/>
        <source>Standards</source>
        <translation>补贴标准</translation>
    </message>
</context>
<context>
    <name>SubsidyPanel</name>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="81"/>
        <source>Rule</source>
        <translation>计算项目</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="82"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="83"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="84"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="95"/>
        <source>Basis of the calculation</source>
        <translation>补贴计算依据</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="101"/>
        <source>Adjust amount…</source>
        <translation>调整金额…</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="102"/>
        <source>Approve subsidy</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="137"/>
        <source>estimate (proposed when the case closes)</source>
        <translation>预估（结案时提交审核）</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="137"/>
        <source>Standard: {0} · computed {1} yuan · state: {2}</source>
        <translation>补贴标准：{0} · 计算金额 {1} 元 · 状态：{2}</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="145"/>
        <source>This is the example standard shipped with the program, not your province&apos;s: an administrator replaces it in 补贴 › 补贴标准.</source>
        <translation>这是程序自带的示例标准，不是本省标准：请管理员在「补贴 › 补贴标准」中替换。</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="146"/>
        <source>Adjusted to {0} yuan: {1}</source>
        <translation>已调整为 {0} 元：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="151"/>
        <source>Paid to each handler: {0}</source>
        <translation>各承办人分得：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="153"/>
        <source>part not yet recorded</source>
        <translation>份额未确定</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="165"/>
        <source>You adjusted this amount: another supervisor approves it</source>
        <translation>补贴金额由您调整，须由另一位负责人审核</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="173"/>
        <source>As registered (no tier)</source>
        <translation>按登记情况（未注明层级）</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="181"/>
        <source>Aided persons</source>
        <translation>受援人数</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="186"/>
        <source>Cases joined</source>
        <translation>同案件数</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="251"/>
        <source>By share</source>
        <translation>按比例</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="252"/>
        <source>By stages each did</source>
        <translation>按各自完成的阶段</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="269"/>
        <source>Each handler&apos;s part</source>
        <translation>各承办人份额</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="275"/>
        <source> stages</source>
        <translation> 个阶段</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="189"/>
        <source>Where handled</source>
        <translation>办理地域</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="196"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="207"/>
        <source>of</source>
        <translation>/</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="210"/>
        <source>Stages completed (terminated case)</source>
        <translation>已完成阶段（终止案件）</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="218"/>
        <source>The standard pays the stages completed</source>
        <translation>标准规定：按已完成阶段支付</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="219"/>
        <source>The standard pays {0}</source>
        <translation>标准规定：按{0}支付</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="223"/>
        <source>The standard says nothing on terminated cases: nothing is paid until a share is recorded here</source>
        <translation>标准未规定终止案件的补贴：在此确定支付比例前不支付</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="223"/>
        <source>Terminated aid</source>
        <translation>终止援助</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="224"/>
        <source>Pay this share instead</source>
        <translation>按此比例支付</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="228"/>
        <source>Why this share (required)</source>
        <translation>确定比例的理由（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="237"/>
        <source>Share paid</source>
        <translation>支付比例</translation>
    </message>
    <message>
        <location filename="../../ui/case/subsidy_tab.py" line="239"/>
        <source>Save basis and recalculate</source>
        <translation>保存依据并重新计算</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/pages/users_page.py" line="47"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="48"/>
        <source>Office and handler of {0}</source>
        <translation>{0}的所属机构和承办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="56"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="61"/>
        <source>(all offices)</source>
        <translation>（全部机构）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="67"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="68"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="69"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="70"/>
        <source>Handler (lawyers)</source>
        <translation>关联承办人（承办人员）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="71"/>
        <source>Office</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="72"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/pages/users_page.py" line="117"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="118"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="119"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="120"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="122"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="126"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="133"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="134"/>
        <location filename="../../ui/pages/users_page.py" line="177"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="135"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="139"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="140"/>
        <source>Office and handler…</source>
        <translation>所属机构和承办人…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="123"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="123"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="177"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="227"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_page.py" line="228"/>
        <source>Temporary password (the user chooses a new one at sign-in):</source>
        <translation>临时密码（用户登录时须设置新密码）：</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <location filename="../../ui/case/work_tab.py" line="87"/>
        <source>Log work</source>
        <translation>记录办案工作</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="93"/>
        <source>e.g. 株洲市看守所, 天元区人民法院</source>
        <translation>例如：株洲市看守所、天元区人民法院</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="96"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="100"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="110"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="111"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="112"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="113"/>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="114"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="127"/>
        <source>Correct work</source>
        <translation>更正工作记录</translation>
    </message>
</context>
<context>
    <name>WorkPanel</name>
    <message>
        <location filename="../../ui/case/work_tab.py" line="158"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="159"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="160"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="161"/>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="162"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="163"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="167"/>
        <source>Log work…</source>
        <translation>记录办案工作…</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="170"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="173"/>
        <source>Work log</source>
        <translation>办案工作记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="184"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="185"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="186"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="187"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="188"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="189"/>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="195"/>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="196"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="199"/>
        <source>Case file documents</source>
        <translation>案卷材料</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="225"/>
        <source>{0} entries, {1} in all</source>
        <translation>共{0}条，合计{1}</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="280"/>
        <source>Attach file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="281"/>
        <source>Documents and scans (*.pdf *.jpg *.png *.tif *.docx);;All files (*)</source>
        <translation>文书和扫描件 (*.pdf *.jpg *.png *.tif *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/case/work_tab.py" line="295"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
</context>
<context>
    <name>_Work</name>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="57"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="92"/>
        <source>{0}: {1} rows</source>
        <translation>{0}：{1} 行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="98"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledger_dialog.py" line="103"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>operation</name>
    <message>
        <location filename="../../ui/work/operation.py" line="118"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../ui/kit/widgets.py" line="335"/>
        <source>Discard what was typed in this window?</source>
        <translation>放弃本窗口中已填写的内容？</translation>
    </message>
    <message>
        <location filename="../../ui/kit/widgets.py" line="339"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/kit/widgets.py" line="342"/>
        <source>Keep typing</source>
        <translation>继续填写</translation>
    </message>
</context>
</TS>
