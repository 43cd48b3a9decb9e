# The parser is pure Python: these tests need no Django settings.
