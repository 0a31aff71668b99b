; Inno Setup 6 script. Installs for the current user without administrator rights by default
; (%LOCALAPPDATA%\Programs\legalaid); the first page offers "install for all users", which
; goes to Program Files. An upgrade removes the previous version's program files first; the
; data (%LOCALAPPDATA%\legalaid, or the office database) is never touched, on upgrade or
; uninstall. Build after `python packaging\build.py`:
;   iscc /DAppVersion=0.1.0 packaging\legalaid.iss
; Signed build (optional; see packaging/README.md): define a sign tool named "legalaid" and
; pass /DSign:
;   iscc /DAppVersion=0.1.0 /DSign "/Slegalaid=signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f cert.pfx /p PASSWORD $f" packaging\legalaid.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1B1C4E-3D57-4C8B-9E0A-6A7C2D5E9B41}
AppName=法律援助案件管理
AppVersion={#AppVersion}
AppPublisher=legalaid
DefaultDirName={autopf}\legalaid
DefaultGroupName=法律援助案件管理
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=legalaid-{#AppVersion}-setup
SetupIconFile=..\legalaid\resources\icons\legalaid.ico
UninstallDisplayIcon={app}\legalaid.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
DisableDirPage=auto
UsePreviousAppDir=yes
CloseApplications=yes
#ifdef Sign
SignTool=legalaid
SignedUninstaller=yes
#endif

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's program files (PyInstaller's _internal folder changes between
; versions: left-over libraries would be loaded by the new program). Never the data.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\legalaid.exe"
Type: files; Name: "{app}\legalaid-cli.exe"

[Files]
Source: "..\dist\legalaid\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\法律援助案件管理"; Filename: "{app}\legalaid.exe"
; The command-line tool (legalaid-cli.exe: init, import, export, stats, report, backup …) in a
; console that stays open, in the user's documents folder.
Name: "{group}\法律援助命令行工具"; Filename: "{cmd}"; Parameters: "/k ""{app}\legalaid-cli.exe"" --help"; WorkingDir: "{userdocs}"; Comment: "legalaid-cli 命令行"
Name: "{group}\卸载法律援助案件管理"; Filename: "{uninstallexe}"
Name: "{autodesktop}\法律援助案件管理"; Filename: "{app}\legalaid.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\legalaid.exe"; Description: "{cm:LaunchProgram,法律援助案件管理}"; Flags: nowait postinstall skipifsilent
