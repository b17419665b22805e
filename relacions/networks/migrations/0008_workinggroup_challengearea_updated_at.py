from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0007_network_kind_without_twinning"),
    ]

    operations = [
        migrations.AddField(
            model_name="workinggroup",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated at"),
        ),
        migrations.AddField(
            model_name="challengearea",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated at"),
        ),
    ]
