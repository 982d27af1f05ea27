from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared page kit"

    def ready(self):
        from . import withdrawal  # noqa: F401  (connects its signal receivers)
