from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportListView.as_view(), name="list"),
    path("<int:year>/", views.ReportDetailView.as_view(), name="detail"),
    path("<int:year>/<int:edition>/", views.ReportDetailView.as_view(), name="edition"),
    path("<int:year>/pdf/", views.report_pdf, name="pdf"),
    path("<int:year>/figures.json", views.figures_json, name="json"),
    path("<int:year>/figures.csv", views.figures_csv, name="csv"),
]
