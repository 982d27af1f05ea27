from rest_framework import serializers

from .models import Citation


class CitationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Citation
        fields = ["title", "publisher", "url", "published_on", "accessed_on"]
