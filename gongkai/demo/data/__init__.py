"""The demo's data as plain constants, one module per part (the catalogue's per agency).
Loaders in the package above turn them into records through the apps' services."""
