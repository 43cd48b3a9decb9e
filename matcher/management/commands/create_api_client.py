"""``manage.py create_api_client NAME [--manage-trials]``: the token is the last line printed."""

from django.core.management.base import BaseCommand, CommandError

from matcher.api.clients import create_api_client


class Command(BaseCommand):
    help = "Create an API client (a hospital system) and print its token on the last line."

    def add_arguments(self, parser) -> None:
        parser.add_argument("name")
        parser.add_argument("--manage-trials", action="store_true", help="may create and change trials")

    def handle(self, *args, name: str, manage_trials: bool, **options) -> None:
        try:
            client, token = create_api_client(name, can_manage_trials=manage_trials)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        rights = "may manage trials" if client.can_manage_trials else "read trials, own patients only"
        self.stdout.write(f"Created API client {client.name!r} ({rights}). Token:")
        self.stdout.write(token)
