"""Turn the small markup of the content files into rich-text HTML.

Paragraphs are separated by blank lines; a line starting with "- " is a list
item, and consecutive items form one list. Everything else is escaped.
"""

from django.utils.html import escape


def to_rich_text(text):
    if not text:
        return ""
    html = []
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        paragraph, items = [], []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    html.append(f"<p>{escape(' '.join(paragraph))}</p>")
                    paragraph = []
                items.append(f"<li>{escape(line[2:].strip())}</li>")
            else:
                if items:
                    html.append(f"<ul>{''.join(items)}</ul>")
                    items = []
                paragraph.append(line)
        if paragraph:
            html.append(f"<p>{escape(' '.join(paragraph))}</p>")
        if items:
            html.append(f"<ul>{''.join(items)}</ul>")
    return "".join(html)
