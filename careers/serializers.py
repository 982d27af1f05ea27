from rest_framework import serializers


class TrainingTopicSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
