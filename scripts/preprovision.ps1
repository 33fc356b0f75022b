# Gives the azd environment a link-signing key the first time it is provisioned, and never replaces it: a new key
# would void every link already in clients' and the coach's inboxes. 32 random bytes, written as 64 hex characters
# (the app asks for at least 32 characters; hex needs no quoting in .env or in main.parameters.json).
$ErrorActionPreference = 'Stop'
$key = azd env get-value LINK_SIGNING_KEY 2>$null
if ($LASTEXITCODE -eq 0 -and -not [string]::IsNullOrWhiteSpace($key)) {
    Write-Host "The link-signing key is already set in this azd environment; keeping it."
    exit 0
}
$global:LASTEXITCODE = 0
$key = [Convert]::ToHexString([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)).ToLowerInvariant()
azd env set LINK_SIGNING_KEY $key
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Write-Host "Generated a link-signing key for this azd environment (LINK_SIGNING_KEY); it is stored in Key Vault on provision."
