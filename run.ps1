# Thin wrapper: forwards every argument to the rfsim command line. All behaviour lives in C#.
# Example: ./run.ps1 run scenarios/primary-crash.yaml --seed 42
$ErrorActionPreference = 'Stop'
dotnet run --project "$PSScriptRoot/src/RedisFailoverSim.Cli" -- @args
exit $LASTEXITCODE
