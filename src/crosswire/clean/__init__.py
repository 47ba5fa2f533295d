"""Cleaning: from a raw document to the article's own text, with every cut recorded.

Stages ``extract``, ``split`` and ``clean``, in that order:

- ``extract`` (stage): raw documents to articles; HTML through ``html`` (the
  body and the page's metadata), the blocks it leaves out explained by
  ``html_furniture``; ``repair`` undoes mojibake (ftfy) before any offset;
- ``split`` (stage): one article per story, the headline out of the body;
- ``stage`` (stage ``clean``): page furniture out of the body, paragraph by
  paragraph, scored by ``furniture`` (cue lexicons, shape, context, cohesion),
  after ``inline`` has cut furniture runs glued inside a paragraph (tag lists, share
  bars, a page's foot: text scraped without its line breaks); with
  ``stages.clean.headline = "keep"``, ``headline`` then puts the headline back on
  top of the text as its first paragraph.
"""
