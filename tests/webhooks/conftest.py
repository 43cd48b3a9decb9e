"""The webhook tests that go through a real worker use the worker tests' broker and worker."""

from tests.worker.conftest import broker, worker  # noqa: F401  (fixtures)
