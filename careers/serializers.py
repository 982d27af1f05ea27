from rest_framework import serializers


class TrainingTopicSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()


class PageLinkSerializer(serializers.Serializer):
    """A linked page as the API shows it: id, title and its public URL."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    html_url = serializers.SerializerMethodField()

    def get_html_url(self, page):
        return page.get_full_url(self.context.get("request"))
