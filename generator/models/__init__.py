"""Record models: one module per record kind, all frozen and strict.

The models are plain values: no paths, line numbers or git data live in them.
"""
