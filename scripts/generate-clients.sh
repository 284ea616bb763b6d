#!/usr/bin/env bash
# Regenerates the C# client (src/Nlc.Client) and the TypeScript client (clients/typescript) from the committed
# OpenAPI document (openapi/v1.json, itself rewritten by every build of src/Nlc.Api). Needs Node.js and npm;
# installs the pinned NSwag from tools/package-lock.json on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d tools/node_modules ] || npm ci --no-audit --no-fund --prefix tools
dotnet build src/Nlc.Api --nologo -v quiet
(cd tools && npx --no-install nswag run ../nswag.json /runtime:Net100)
