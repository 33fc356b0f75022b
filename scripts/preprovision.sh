#!/bin/sh
# Gives the azd environment a link-signing key the first time it is provisioned, and never replaces it: a new key
# would void every link already in clients' and the coach's inboxes. 32 random bytes, written as 64 hex characters
# (the app asks for at least 32 characters; hex needs no quoting in .env or in main.parameters.json).
set -e
if key="$(azd env get-value LINK_SIGNING_KEY 2>/dev/null)" && [ -n "${key}" ]; then
  echo "The link-signing key is already set in this azd environment; keeping it."
  exit 0
fi
key="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
if [ "${#key}" -ne 64 ]; then
  echo "Could not read 32 random bytes from /dev/urandom." >&2
  exit 1
fi
azd env set LINK_SIGNING_KEY "${key}"
echo "Generated a link-signing key for this azd environment (LINK_SIGNING_KEY); it is stored in Key Vault on provision."
