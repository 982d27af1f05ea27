from django.db import migrations

from core.ordering import number_unordered_children


def number_bands(apps, schema_editor):
    number_unordered_children(apps.get_model("careers", "SalaryBand"))


class Migration(migrations.Migration):
    dependencies = [("careers", "0001_initial")]

    operations = [migrations.RunPython(number_bands, migrations.RunPython.noop)]
