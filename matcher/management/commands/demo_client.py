"""``manage.py demo_client``: the quick start's client, created once, its token printed each run."""

from django.core.management.base import BaseCommand
from rest_framework.authtoken.models import Token

from matcher.api.clients import create_api_client
from matcher.models import ApiClient

DEMO_NAME = "demo"


class Command(BaseCommand):
    help = "Create (once) a demo API client that may manage trials, and print its token last."

    def handle(self, *args, **options) -> None:
        client = ApiClient.objects.filter(name=DEMO_NAME).select_related("user").first()
        if client is None:
            client, token = create_api_client(DEMO_NAME, can_manage_trials=True)
        else:
            token = Token.objects.get_or_create(user=client.user)[0].key
        self.stdout.write("Demo API client; try: curl -H 'Authorization: Token <token>' http://127.0.0.1:8000/api/v1/trials")
        self.stdout.write(token)
