#!/usr/bin/env bash
# The same request as a streaming one, but without "stream": true in the
# body: the reply comes back as one JSON object, after the whole of it has
# been generated.
set -euo pipefail

curl --silent --show-error --fail-with-body -N \
  "${ANTHROPIC_BASE_URL:-https://api.anthropic.com}/v1/messages" \
  --header "x-api-key: $ANTHROPIC_API_KEY" \
  --header "anthropic-version: 2026-10-21" \
  --header "content-type: application/json" \
  --data '{
    "model": "claude-sonnet-5-5",
    "max_tokens": 256,
    "messages": [{"role": "user", "content": "Write a haiku about rivers."}]
  }'
echo
