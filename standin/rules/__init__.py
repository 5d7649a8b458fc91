"""The request checks the real Messages API makes, one module per concern.

Each check raises ``errors.ApiError`` with the status, error type and, where it is known, the
wording the real service answers with. Every rule carries its source in a comment: an API
page, a recorded error quoted in a public issue, or the installed SDK's own types. The order in
which ``validation.check_body`` runs them decides which error a request with several faults gets.
"""
