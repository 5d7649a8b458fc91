"""The stand-in behaves like the Messages API: same refusals, same streams, faults as named."""
