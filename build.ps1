#!/usr/bin/env pwsh
# Runs the build project (build/_build.csproj) with the arguments passed through.
# The project is compiled only when a source file changed since the last compile.
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$Project = Join-Path $Root 'build/_build.csproj'
$Output = Join-Path $Root 'build/bin/Debug/net10.0/_build.dll'
$Stamp = Join-Path $Root 'build/bin/.compiled'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'build.ps1: the .NET SDK 10 is not installed. Install it from https://dot.net and run again.'
    exit 2
}

function Test-SourcesChanged {
    if (-not (Test-Path $Output) -or -not (Test-Path $Stamp)) { return $true }
    $compiled = (Get-Item $Stamp).LastWriteTimeUtc
    $sources = @('build', 'src') | ForEach-Object { Get-ChildItem (Join-Path $Root $_) -Recurse -File } |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.Extension -in '.cs', '.csproj', '.props', '.yml', '.json' }
    $sources += Get-Item (Join-Path $Root 'Directory.Build.props'), (Join-Path $Root 'Directory.Packages.props')
    return [bool]($sources | Where-Object { $_.LastWriteTimeUtc -gt $compiled } | Select-Object -First 1)
}

if (Test-SourcesChanged) {
    Write-Host 'Compiling the build project...'
    dotnet build $Project --nologo -v q -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { Write-Error 'build.ps1: the build project did not compile.'; exit 2 }
    New-Item -ItemType File -Force $Stamp | Out-Null
}

Set-Location $Root
& dotnet $Output @args
exit $LASTEXITCODE
