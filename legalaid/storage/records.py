"""SQLAlchemy records (the database schema). Changed only together with a migration."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from legalaid.domain.numbering import number_key

# Stable constraint names so that migrations (and SQLite batch mode) can address them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class OfficeRecord(Base):
    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(20))
    number_pattern: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    # Printed on its documents (the 决定书's contact line, the letterhead) — migration 0023.
    phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))

    parent: Mapped[OfficeRecord | None] = relationship(remote_side=[id])


class FirmRecord(Base):
    """律师事务所, 基层法律服务所 or another unit that handles cases."""

    __tablename__ = "firms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))
    # Where finance pays the subsidies of the unit's handlers (the unit receives them).
    bank_name: Mapped[str | None] = mapped_column(String(60))
    bank_account: Mapped[str | None] = mapped_column(String(40))


class HandlerRecord(Base):
    """承办人员: lawyer, legal-service worker, centre staff, social organisation, volunteer."""

    __tablename__ = "handlers"
    __table_args__ = (UniqueConstraint("name", "firm_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    handler_type: Mapped[str] = mapped_column(String(20))
    firm_id: Mapped[int | None] = mapped_column(ForeignKey("firms.id"))
    licence_no: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(30))
    criminal_years: Mapped[int] = mapped_column(Integer, default=0)
    minors_expertise: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The handler's own account, for handlers paid in person (no unit account on file).
    bank_name: Mapped[str | None] = mapped_column(String(60))
    bank_account: Mapped[str | None] = mapped_column(String(40))

    firm: Mapped[FirmRecord | None] = relationship()


class PersonRecord(Base):
    """An aided person (受援人)."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str | None] = mapped_column(String(2))
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))


class CaseRecord(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_office_accepted", "office_id", "accepted_on"),
        Index("ix_cases_state_handler", "state", "handler_id"),
        Index(
            "ix_cases_closing",
            "state",
            "closed_on",
            "office_id",
            "case_type",
            "stage",
            "cross_region",
            "major_difficult",
            "subsidy_paid",
            "region_tier",
            "aided_persons",
            "subsidy_days",
            "stages_completed",
            "stages_total",
        ),
        Index(
            "ix_cases_period",
            "accepted_on",
            "state",
            "office_id",
            "case_type",
            "source",
            "cross_region",
            "major_difficult",
            "handler_id",
        ),
        # 案号 sorts by office, year and number (第9号 before 第10号), a page at a time.
        Index("ix_cases_number", "office_id", "number_year", "number_seq", "id"),
        # The list filtered by state in 案号 order: a page read from the index, not 160,000
        # 承办中 cases sorted for every page (1.5 s at a million cases; migration 0025).
        Index("ix_cases_state_number", "state", "office_id", "number_year", "number_seq", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(60), unique=True)
    # The number's year and sequence, 0 where it has none (domain.numbering.number_key;
    # kept by the ORM below and by the bulk paths that write numbers; migration 0024).
    number_year: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    number_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # office_id, state and accepted_on are indexed as the first columns of the composite
    # indexes above (migration 0020 dropped their single-column twins: each index costs an
    # import of 200,000 cases some seconds).
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("handlers.id"), index=True)
    source: Mapped[str] = mapped_column(String(20))
    case_type: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str | None] = mapped_column(String(10))
    cause: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10))
    applied_on: Mapped[date] = mapped_column(Date, index=True)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    assigned_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    materials_requested_on: Mapped[date | None] = mapped_column(Date)
    missing_materials: Mapped[str | None] = mapped_column(Text)
    review_paused_days: Mapped[int] = mapped_column(Integer, default=0)
    # 程序规定 s.27: the agreement clock stops "因受援人原因或者其他客观原因" until it is signed.
    agreement_paused_on: Mapped[date | None] = mapped_column(Date)
    agreement_pause_reason: Mapped[str | None] = mapped_column(Text)
    # An objection (法律援助法 s.49) to a refusal or a termination, until the bureau decides.
    objection_filed_on: Mapped[date | None] = mapped_column(Date)
    objection_ground: Mapped[str | None] = mapped_column(Text)
    # 先行提供 (s.44): aid given before the decision, since when and on which ground.
    advance_on: Mapped[date | None] = mapped_column(Date)
    advance_ground: Mapped[str | None] = mapped_column(String(60))
    # Notified cases (s.25): the ground, the organ's own case number, the place of detention.
    notification_ground: Mapped[str | None] = mapped_column(String(30))
    organ_case_no: Mapped[str | None] = mapped_column(String(60))
    detention_place: Mapped[str | None] = mapped_column(String(100))
    # 事项类别 (s.31) and the applicant's representative (s.40): kind, name, relation, ID.
    matter_category: Mapped[str | None] = mapped_column(String(20))
    representative_kind: Mapped[str | None] = mapped_column(String(10))
    representative_name: Mapped[str | None] = mapped_column(String(50))
    representative_relation: Mapped[str | None] = mapped_column(String(20))
    representative_id_number: Mapped[str | None] = mapped_column(String(18))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    hardship_basis: Mapped[str | None] = mapped_column(String(200))
    notifying_organ: Mapped[str | None] = mapped_column(String(100))
    # The organ handling the matter, a 公函's addressee where no organ notified the case (the
    # court of a civil case, the arbitration commission) — migration 0023.
    handling_organ: Mapped[str | None] = mapped_column(String(100))
    cross_region: Mapped[bool] = mapped_column(Boolean, default=False)
    major_difficult: Mapped[bool] = mapped_column(Boolean, default=False)
    possible_life_or_death: Mapped[bool] = mapped_column(Boolean, default=False)
    # Subsidy facts: the 异地 tier, aided persons incl. joined cases (group cases), and the
    # days of per-day items as JSON {item: days}, and for a terminated case the stages done
    # of those assigned (standards that pay terminated cases by stages).
    region_tier: Mapped[str | None] = mapped_column(String(10))
    aided_persons: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    subsidy_days: Mapped[str | None] = mapped_column(Text)
    stages_completed: Mapped[int | None] = mapped_column(Integer)
    stages_total: Mapped[int | None] = mapped_column(Integer)
    # A terminated case's subsidy share as a clerk recorded it (0–1), and why (migration 0021).
    terminated_share: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))
    terminated_share_reason: Mapped[str | None] = mapped_column(Text)
    # Cases joined in one (同案多件, some tables add per extra case) and, for a case that
    # changed handler, each handler's part of the subsidy as a clerk recorded it: JSON
    # {handler id: {"share": "0.4"} or {"stages": 1}} (migration 0022).
    joined_cases: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    subsidy_parts: Mapped[str | None] = mapped_column(Text)
    # The closing file (结案): outcome, the checklist items filed, and when it was submitted
    # (the centre reviews it within 30 days).
    outcome: Mapped[str | None] = mapped_column(String(10))
    # How the case was heard and the enforcement result, as closing records them (0022).
    hearing: Mapped[str | None] = mapped_column(String(10))
    enforcement: Mapped[str | None] = mapped_column(String(10))
    closing_items: Mapped[str | None] = mapped_column(Text)
    closing_submitted_on: Mapped[date | None] = mapped_column(Date)
    subsidy_paid: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    # 挽回经济损失 (yuan recovered or obtained for the aided person) and the closing review's
    # 质量等级; 备注 as the office's ledger keeps it.
    recovered_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    quality_grade: Mapped[str | None] = mapped_column(String(10))
    quality_reviewer: Mapped[str | None] = mapped_column(String(50))
    remarks: Mapped[str | None] = mapped_column(Text)
    # The running legal deadline (derived from state and dates by the services, stored so
    # that a million cases can be filtered and sorted by it).
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    deadline_kind: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Optimistic locking: a stale edit raises instead of overwriting (StaleDataError).
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    office: Mapped[OfficeRecord] = relationship()
    person: Mapped[PersonRecord] = relationship()
    handler: Mapped[HandlerRecord | None] = relationship()
    groups: Mapped[list[CaseGroupRecord]] = relationship(
        cascade="all, delete-orphan", order_by="CaseGroupRecord.position"
    )


class CaseGroupRecord(Base):
    """The aided-person groups (人群类别) a case counts under."""

    __tablename__ = "case_groups"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    group_name: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AssignmentRecord(Base):
    """Handler history: one row per (re)assignment."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    handler_id: Mapped[int] = mapped_column(ForeignKey("handlers.id"), index=True)
    assigned_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)

    handler: Mapped[HandlerRecord] = relationship()


class CaseEventRecord(Base):
    """The case timeline: what happened, when and by whom."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(10))
    to_state: Mapped[str | None] = mapped_column(String(10))
    detail: Mapped[str | None] = mapped_column(Text)


class CounterRecord(Base):
    """Sequence counters: one row per office, year and document kind (never max()+1)."""

    __tablename__ = "counters"

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class TargetRecord(Base):
    """年度任务数 of an office."""

    __tablename__ = "targets"

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    cases: Mapped[int] = mapped_column(Integer)
    # 法律咨询 in person-times (人次), where the office sets one.
    consultations: Mapped[int | None] = mapped_column(Integer)


class SettingRecord(Base):
    """Office-wide settings (deadline count rules and similar), as JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CaseSearchRecord(Base):
    """Search terms per case (number, name, ID, phone, pinyin). On SQLite, triggers keep two
    FTS5 indexes over this table in step (trigram for 3+ characters, per-character tokens for
    one- and two-character names and pinyin initials)."""

    __tablename__ = "case_search"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    terms: Mapped[str] = mapped_column(Text)
    tokens: Mapped[str] = mapped_column(Text)


class CaseDocumentRecord(Base):
    """A standard document issued for a case, with its number (kept when printed again)."""

    __tablename__ = "case_documents"
    __table_args__ = (UniqueConstraint("case_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(60), unique=True)
    issued_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(50))


class SubsidyStandardRecord(Base):
    """A version of a subsidy standard; its rules are the standard file's JSON."""

    __tablename__ = "subsidy_standards"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    authority: Mapped[str] = mapped_column(String(200))
    effective_from: Mapped[date] = mapped_column(Date, index=True)
    effective_to: Mapped[date | None] = mapped_column(Date)
    rules: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CaseSubsidyRecord(Base):
    """A case's subsidy: computed by a standard, possibly overridden, then reviewed and paid."""

    __tablename__ = "case_subsidies"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    standard_id: Mapped[int] = mapped_column(ForeignKey("subsidy_standards.id"), index=True)
    computed: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    breakdown: Mapped[str] = mapped_column(Text)
    override: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    override_reason: Mapped[str | None] = mapped_column(Text)
    # Who adjusted the amount: they may not approve it too (separation of duties).
    override_by: Mapped[str | None] = mapped_column(String(50))
    state: Mapped[str] = mapped_column(String(10), index=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(50))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    paid_by: Mapped[str | None] = mapped_column(String(50))
    paid_at: Mapped[datetime | None] = mapped_column(DateTime)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("payment_batches.id"), index=True)


class PaymentBatchRecord(Base):
    """A payment list handed to finance: reviewed subsidies of a period, paid together."""

    __tablename__ = "payment_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(50))
    paid_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Office scope: the office whose tree the batch was made for (None: every office).
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)


class AttachmentRecord(Base):
    """A file kept with the case (signed minutes, scans, judgments): inside the database, so
    a backup carries it; the checksum shows it is the file that was attached."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    added_by: Mapped[str] = mapped_column(String(50))
    added_at: Mapped[datetime] = mapped_column(DateTime)


class EscalationRecord(Base):
    """A major or difficult case (重大疑难) from candidate to the authority's reply."""

    __tablename__ = "escalations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str] = mapped_column(String(10), index=True)
    reasons: Mapped[str] = mapped_column(Text)  # JSON list of sentences
    flagged_on: Mapped[date] = mapped_column(Date, index=True)
    flagged_by: Mapped[str] = mapped_column(String(50))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(50))
    decision_note: Mapped[str | None] = mapped_column(Text)
    discussed_on: Mapped[date | None] = mapped_column(Date)  # the first discussion
    reported_on: Mapped[date | None] = mapped_column(Date)
    authority: Mapped[str | None] = mapped_column(String(100))
    reference_no: Mapped[str | None] = mapped_column(String(60))
    report_content: Mapped[str | None] = mapped_column(Text)
    replied_on: Mapped[date | None] = mapped_column(Date)
    reply: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    meetings: Mapped[list[MeetingRecord]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingRecord.held_on"
    )


class MeetingRecord(Base):
    """One collective discussion (集体讨论) of an escalated case."""

    __tablename__ = "escalation_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(
        ForeignKey("escalations.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    chair: Mapped[str] = mapped_column(String(50))
    participants: Mapped[str] = mapped_column(Text)  # JSON list of names
    opinions: Mapped[str] = mapped_column(Text)
    plan: Mapped[str] = mapped_column(Text)
    minutes_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"))
    recorded_by: Mapped[str] = mapped_column(String(50))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class UserRecord(Base):
    """An account. Lawyers (承办人员) are linked to their handler record."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(200))
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("handlers.id"))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Lockout after repeated failures survives a restart (it is in the database).
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime] = mapped_column(DateTime)


class AuditRecord(Base):
    """One audited event. Append-only: each row's hash covers the previous row's hash, so an
    edit or deletion made outside the application breaks the chain."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(50), index=True)
    action: Mapped[str] = mapped_column(String(30), index=True)
    object: Mapped[str] = mapped_column(String(120))
    outcome: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRecord(Base):
    """The chain's last link (one row): locked while appending, so links never fork, and
    compared with the last row so that rows cut from the end are noticed too."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class WorkEntryRecord(Base):
    """The handler's work log: 会见, 阅卷, 调查取证, 解答咨询, 参加庭审, 其他."""

    __tablename__ = "work_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("handlers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    done_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(100))
    minutes: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(50))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class FollowUpRecord(Base):
    """Quality checks after the case: 回访, 投诉, 案卷检查, 旁听."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    done_on: Mapped[date] = mapped_column(Date)
    person: Mapped[str | None] = mapped_column(String(50))
    content: Mapped[str] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(50))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class DutyStationRecord(Base):
    """值班律师工作站 at a court, procuratorate, police station or detention centre."""

    __tablename__ = "duty_stations"
    __table_args__ = (UniqueConstraint("office_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))
    address: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DutyShiftRecord(Base):
    """One lawyer on duty at one station on one day (the rota; duty pay counts these)."""

    __tablename__ = "duty_shifts"
    __table_args__ = (UniqueConstraint("station_id", "on_date", "handler_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(
        ForeignKey("duty_stations.id", ondelete="CASCADE"), index=True
    )
    on_date: Mapped[date] = mapped_column(Date, index=True)
    handler_id: Mapped[int] = mapped_column(ForeignKey("handlers.id"), index=True)
    recorded_by: Mapped[str] = mapped_column(String(50))
    # 值班补贴: the payment batch the day was paid in, at the amount it was priced at.
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("payment_batches.id"), index=True)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))


class FileInspectionRecord(Base):
    """案件评查: an inspector (a lawyer or expert on the handler list) inspected closed case
    files on a day; paid per file by the standard's 案件评查 item, in a payment batch."""

    __tablename__ = "file_inspections"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    handler_id: Mapped[int] = mapped_column(ForeignKey("handlers.id"), index=True)
    inspected_on: Mapped[date] = mapped_column(Date, index=True)
    files: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(Text)  # e.g. 2026年第三季度结案质量评查
    recorded_by: Mapped[str] = mapped_column(String(50))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("payment_batches.id"), index=True)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))


class AidServiceRecord(Base):
    """A consultation, drafted document or duty help (法律援助法 s.22), one ledger row each.

    ``channel`` is the ledger's 方式: a consultation's channel, the duty station's name, a
    drafted document's kind. The person is kept as given (a consultation needs no file)."""

    __tablename__ = "aid_services"
    __table_args__ = (
        # The statistics' grouped sums (services by kind and 方式, duty help by items).
        Index(
            "ix_aid_services_period",
            "served_on",
            "office_id",
            "kind",
            "channel",
            "person_times",
            "help_items",
        ),
        Index("ix_aid_services_office_day", "office_id", "served_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    kind: Mapped[str] = mapped_column(String(10))
    served_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str | None] = mapped_column(String(60))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("duty_stations.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str | None] = mapped_column(String(2))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(30), index=True)
    groups: Mapped[str | None] = mapped_column(String(200))
    matter_category: Mapped[str | None] = mapped_column(String(20))
    help_items: Mapped[str | None] = mapped_column(String(100))
    content: Mapped[str | None] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    handler_name: Mapped[str | None] = mapped_column(String(50))
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("handlers.id"), index=True)
    person_times: Mapped[int] = mapped_column(Integer, default=1)
    # 转为案件: the application this service turned into (the case links back through it).
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    recorded_by: Mapped[str] = mapped_column(String(50))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    # A drafted document paid per piece: the batch it was paid in, at its price then.
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("payment_batches.id"), index=True)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))


class FigureDayRecord(Base):
    """One figure of one office on one day: the statistics' daily summary (migration 0026).

    A copy kept for speed, never the only copy of the truth: every row can be recomputed from
    the cases and services (``legalaid figures rebuild``). ``basis`` names the date the figure
    is counted by — A 受理日期, C 结案日期, S 服务日期 — and a day marked in ``figure_dirty`` for
    its basis is read from the cases themselves until it is summed again."""

    __tablename__ = "figure_days"
    __table_args__ = (
        # Covering: a year's sums read the index alone.
        Index(
            "ix_figure_days_read", "basis", "day", "office_id", "figure", "key", "sub", "n", "fen"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    basis: Mapped[str] = mapped_column(String(1))
    day: Mapped[date] = mapped_column(Date)
    office_id: Mapped[int] = mapped_column(Integer)
    figure: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(200), default="")
    sub: Mapped[str] = mapped_column(String(200), default="")
    n: Mapped[int] = mapped_column(BigInteger, default=0)
    fen: Mapped[int] = mapped_column(BigInteger, default=0)  # amounts in 分, exact


class FigureDirtyRecord(Base):
    """A day whose summary rows no longer match the cases: marked by triggers in the same
    transaction as the change (migration 0026), cleared when the day is summed again."""

    __tablename__ = "figure_dirty"

    basis: Mapped[str] = mapped_column(String(1), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    # Bumped by every further mark: a refresh clears only the marks it saw unchanged.
    touched: Mapped[int] = mapped_column(BigInteger, default=0)


@event.listens_for(CaseRecord, "before_insert")
@event.listens_for(CaseRecord, "before_update")
def _number_parts(_mapper: object, _connection: object, case: CaseRecord) -> None:
    case.number_year, case.number_seq = number_key(case.case_no)
