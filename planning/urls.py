from django.urls import path

from . import views

urlpatterns = [
    path("", views.tools, name="planning_tools"),
    path("path/", views.path, name="planning_path"),
    path("moving/", views.moving, name="planning_moving"),
]
