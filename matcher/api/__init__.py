"""The REST API of patients, match jobs, matches and webhooks: thin views over the services,
reads through the selectors (where tenancy lives), and API clients."""
