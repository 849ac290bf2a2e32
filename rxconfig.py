import reflex as rx

from wallet_app.db import database_url

config = rx.Config(
    app_name="wallet_app",
    db_url=database_url(),
    frontend_port=3000,
    backend_port=3000,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[rx.plugins.SitemapPlugin],
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo", radius="medium"))],
)
