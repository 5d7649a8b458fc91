#!/usr/bin/env bash
# Stream a response with curl. -N turns off curl's output buffering, so events
# print as they arrive.
set -euo pipefail

curl --silent --show-error --fail-with-body -N \
  "${ANTHROPIC_BASE_URL:-https://api.anthropic.com}/v1/messages" \
  --header "x-api-key: $ANTHROPIC_API_KEY" \
  --header "anthropic-version: 2026-10-21" \
  --header "content-type: application/json" \
  --data '{
    "model": "claude-sonnet-5-5",
    "max_tokens": 256,
    "stream": true,
    "messages": [{"role": "user", "content": "Write a haiku about rivers."}]
  }'
