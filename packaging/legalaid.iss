; Inno Setup script: per-user install without administrator rights, Chinese installer,
; Start-menu and desktop shortcuts; uninstalling keeps the data (the per-user data folder
; %LOCALAPPDATA%\legalaid is never touched). Build after `python packaging\build.py`:
;   iscc /DAppVersion=0.1.0 packaging\legalaid.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1B1C4E-3D57-4C8B-9E0A-6A7C2D5E9B41}
AppName=法律援助案件管理
AppVersion={#AppVersion}
AppPublisher=legalaid
DefaultDirName={localappdata}\Programs\legalaid
DefaultGroupName=法律援助案件管理
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=legalaid-{#AppVersion}-setup
SetupIconFile=..\resources\icons\legalaid.ico
UninstallDisplayIcon={app}\legalaid.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\legalaid\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\法律援助案件管理"; Filename: "{app}\legalaid.exe"
Name: "{group}\卸载法律援助案件管理"; Filename: "{uninstallexe}"
Name: "{autodesktop}\法律援助案件管理"; Filename: "{app}\legalaid.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\legalaid.exe"; Description: "{cm:LaunchProgram,法律援助案件管理}"; Flags: nowait postinstall skipifsilent
