from django.db import migrations

from core.ordering import number_unordered_children


def number_children(apps, schema_editor):
    for name in ("StateSource", "StateCredential", "RequirementChange"):
        number_unordered_children(apps.get_model("states", name))


class Migration(migrations.Migration):
    dependencies = [("states", "0004_statepage_official_links")]

    operations = [migrations.RunPython(number_children, migrations.RunPython.noop)]
