from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Cast, Concat

import relacions.networks.files


def name_existing_documents(apps, schema_editor):
    """Documents uploaded before names were kept download under the name they always had."""
    Membership = apps.get_model("networks", "Membership")
    Membership.objects.exclude(document="").update(
        document_name=Concat(
            Value("membership-"), Cast("pk", models.CharField()), Value(".pdf")
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0003_membership_renewal_reminder_help"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="document_name",
            field=models.CharField(
                blank=True, editable=False, max_length=200, verbose_name="document name"
            ),
        ),
        migrations.AlterField(
            model_name="membership",
            name="document",
            field=models.FileField(
                blank=True,
                help_text="The agreement or membership certificate, as a PDF. Not public.",
                max_length=255,
                storage=relacions.networks.files.get_private_storage,
                upload_to=relacions.networks.files.membership_document_path,
                validators=[
                    relacions.networks.files.validate_pdf,
                    relacions.networks.files.validate_document_size,
                ],
                verbose_name="document",
            ),
        ),
        migrations.RunPython(name_existing_documents, migrations.RunPython.noop),
    ]
