"""``manage.py demo_client``: the quick start's client, created once, a fresh token printed each
run (tokens are stored hashed, so an earlier one cannot be shown again; the previous ones are
revoked at once)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from matcher.api.clients import create_api_client, rotate_token
from matcher.models import ApiClient

DEMO_NAME = "demo"


class Command(BaseCommand):
    help = "Create (once) a demo API client that may manage trials, and print a fresh token last."

    def handle(self, *args, **options) -> None:
        client = ApiClient.objects.filter(name=DEMO_NAME).first()
        if client is None:
            client, token = create_api_client(DEMO_NAME, can_manage_trials=True)
        else:
            token = rotate_token(client, grace=timedelta(0))[1]
        self.stdout.write("Demo API client; try: curl -H 'Authorization: Token <token>' http://127.0.0.1:8000/api/v1/trials")
        self.stdout.write(token)
