"""Telling page furniture from article text, paragraph by paragraph.

Every paragraph gets a furniture score in [0, 1] and a reason code from four
kinds of evidence:

1. Cues: lexicons by category (calls to action, stamps, credits, comment-system
   phrases ...), matched per sentence or against the whole paragraph. A cue in
   a short, list-like paragraph weighs more than the same words inside long
   narrative sentences.
2. Shape: length, sentence count, terminal punctuation, share of lower-case
   words, separators, handles, URLs and e-mail addresses.
3. Context: furniture clusters before the first and after the last body
   paragraph; section headers open runs ("12 Comments": what follows is
   comments); a paragraph repeating another one, a body sentence or the title
   is a duplicate or a caption.
4. Cohesion: the share of a paragraph's content words found elsewhere in the
   article. A teaser or ad pasted into the middle shares almost none.

A long narrative paragraph is never removed for a cue inside it; a furniture
sentence glued to its start or end ("... the ministry said. Follow us on
Telegram") is split off and the body kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from crosswire.clean.inline import MONTH_EN, WEEKDAY_EN, cut_inline
from crosswire.clean.literals import folded, may_match, required_literals
from crosswire.model import RemovedBlock

Run = Literal["", "all", "short"]

# --------------------------------------------------------------------------
# Cue lexicons

_FLAGS = re.IGNORECASE | re.UNICODE


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTH = (
    rf"(?:{MONTH_EN}|janvier|février|mars|avril|mai"
    r"|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli"
    r"|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
    r"|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro"
    r"|outubro|novembro|dezembro)\.?"
)
_WEEKDAY = (
    WEEKDAY_EN + r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|segunda-feira|terça-feira"
    r"|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|lunes|martes|miércoles|jueves"
    r"|viernes|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
)
_DATE_TIME = re.compile(
    rf"""
    \b\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:[T\s]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?
    | \b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?{_MONTH}(?:,?\s+(?:de\s+)?\d{{4}})?
    | \b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
    | \b{_MONTH}\s+\d{{4}}
    | \b\d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?
      (?:\s*(?:gmt|utc|bst|cet|cest|est|edt|et|pt|pst|ist|ast|eat|[a-z]{{2,4}}t))?\b
    | \b\d{{1,2}}\s*[ap]\.?m\.?\b
    | \b(?:{_WEEKDAY})\b
    | \b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b
    | \b(?:yesterday|today)\b
    | \b(?:19|20)\d{{2}}\b
    """,
    _FLAGS | re.VERBOSE,
)
_STAMP_WORDS = re.compile(
    r"\b(?:last\s+)?(?:updated?|modified|published|posted|first\s+published|created|dated|"
    r"date|time|on|at|le|el|am|um|à|às|de|mis\s+à\s+jour|publié|aktualisiert|veröffentlicht|"
    r"actualizado|publicado|atualizado|pubblicato|aggiornato|gmt|utc)\b|[|/·•,:()\[\]\-–—]",
    _FLAGS,
)

_STAMP_VERB = re.compile(
    r"\b(?:updated?|modified|published|posted|created|dated|mis\s+à\s+jour|publié|aktualisiert|"
    r"veröffentlicht|actualizado|publicado|atualizado|pubblicato|aggiornato)\b",
    _FLAGS,
)
# Parts of a quoted social post (an embedded tweet): body text, whatever they look like.
_QUOTED_POST = re.compile(
    r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*(?:\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4})?\s*$"
    r"|^pic\.twitter\.com/\w+$",
    _FLAGS,
)
# Words by which a caption points at its picture.
_CAPTION_WORDS = re.compile(
    r"\b(?:pictured|in\s+an?\s+(?:image|photo(?:graph)?|picture|video\s+still)|"
    r"seen\s+in\s+(?:a|an|this)\s+(?:photo|image)|file\s+(?:photo|picture)|"
    r"handout\s+(?:photo|picture|image))\b",
    _FLAGS,
)
_PLATFORMS = (
    r"(?:twitter|x|facebook|instagram|telegram|tiktok|youtube|linkedin|threads|bluesky|"
    r"mastodon|whatsapp|snapchat|reddit|google\s+news|flipboard|pinterest|social\s+media|"
    r"vk|weibo|wechat|signal|apple\s+news)"
)
_SHARE_WORDS = _wordset(
    """facebook twitter x whatsapp email e mail linkedin reddit pinterest telegram messenger
    print copy link share shares tweet pin flipboard sms tumblr vk comment comments save
    bookmark gift"""
)
_AGENCIES = (
    r"(?:reuters|afp|ap|associated\s+press|agence\s+france-presse|agencies|agency|xinhua|"
    r"anadolu(?:\s+agency)?|dpa|efe|ansa|tass|ria\s+novosti|interfax|bloomberg|upi|ani|pti|"
    r"ians|wafa|sana|irna|kyodo|yonhap|bernama|antara|apa|wires?|news\s+desk|staff)"
)
_ROLE_WORDS = _wordset(
    """and with in on at the of for from staff correspondent correspondents reporter reporters
    writer writers editor editors contributor contributors journalist columnist bureau chief
    analyst producer photographer senior junior special political security defence defense
    diplomatic foreign affairs economics news desk agencies agency wire wires updated
    published posted am pm gmt utc min mins read et le la de del da di y und et e"""
)

_STOPWORDS = _wordset(
    """the and for that with from this have has had was were are been being will would could
    should their there they them than then also into over under about after before more most
    said says say but not its his her him she who whom which what when where while all any
    some our out your you can may might one two new just only very such other these those
    per via les des une dans pour par sur avec est sont qui que aux der die das und mit von
    den dem ein eine ist sind auf für del los las con por para una que como más"""
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexical or shape cue for one furniture category.

    ``detach``: the cue marks a whole sentence as furniture even when it is glued
    to a body paragraph (imperatives and labels at the start of a sentence).
    ``run``: the paragraph opens a section: "all" (everything after it until
    another section) or "short" (the short items that follow).
    ``label``: the cue is a label ("Photo:", "Related:", "WATCH:") that governs a
    few words; followed by a long stretch of prose it is glued to body text.
    ``needs``: strings one of which every match contains (derived from the
    pattern), so most texts skip the search.
    """

    reason: str
    weight: float
    pattern: re.Pattern[str]
    detach: bool = False
    run: Run = ""
    label: bool = False
    needs: tuple[str, ...] | None = field(init=False, default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needs", required_literals(self.pattern))


def _cue(
    reason: str,
    weight: float,
    pattern: str,
    *,
    detach: bool = False,
    run: Run = "",
    label: bool = False,
) -> Cue:
    return Cue(reason, weight, re.compile(pattern, _FLAGS), detach, run, label)


# Words beyond which a label no longer governs the sentence it opens (fewer when
# they end in a full stop: headlines and names seldom do).
_LABEL_REACH = 20
_LABEL_REACH_PROSE = 12


# Whole-paragraph patterns: they describe the entire paragraph's shape.
_PARAGRAPH_CUES: tuple[Cue, ...] = (
    # site chrome: ticker labels, navigation, counters, reading time
    _cue(
        "site_chrome",
        0.85,
        r"^[\[(]?(?:breaking(?:\s+news)?|live(?:\s+(?:updates?|blog|now|coverage|video|tv))?|"
        r"just\s+in|developing(?:\s+story)?|exclusive|updated?|advertisement|advertising|"
        r"adverti[sz]ement\s*-\s*scroll\s+to\s+continue|ad|ads|sponsored(?:\s+content)?|"
        r"promoted|partner\s+content|paid\s+content|analysis|opinion|explainer|news|menu|"
        r"search|close|home|sign\s+in|log\s?in|log\s?out|register|my\s+account|more|loading|"
        r"text\s+size|font\s+size|back\s+to\s+top|scroll\s+to\s+top|"
        r"listen\s+to\s+(?:this\s+)?(?:article|story)|"
        r"scroll(?:\s+down)?\s+to\s+continue(?:\s+with\s+content)?|"
        r"continue\s+reading(?:\s+(?:the\s+)?main\s+story)?|"
        r"(?:story|article)\s+continues\s+below(?:\s+advertisement)?|"
        r"thank\s+you|an\s+error\s+(?:has\s+)?occurred.*|please\s+try\s+again(?:\s+later)?|"
        r"this\s+article\s+has\s+been\s+sent\s+to|expand|collapse|enlarge|zoom|"
        r"toggle\s+(?:navigation|menu|caption)|main\s+menu|navigation|"
        r"accessibility(?:\s+(?:links|help|statement|options|settings))?|"
        r"(?:hide|show)\s+caption|enlarge\s+this\s+image|open\s+(?:image|photo)\s+in\s+gallery)"
        r"[\])]?\s*[:!.…]*$",
    ),
    _cue("site_chrome", 0.9, r"^(?:skip|jump)\s+to\b.{0,40}$"),
    # breadcrumbs: short capitalised segments between > » › or spaced / |
    _cue(
        "site_chrome",
        0.75,
        r"^(?:[^\s>»›|/.!?]+(?:\s[^\s>»›|/.!?]+){0,3}\s*(?:[>»›]|\s[/|]\s)\s*)+"
        r"[^\s>»›|/.!?]+(?:\s[^\s>»›|/.!?]+){0,3}$",
    ),
    _cue("site_chrome", 0.8, r"^[-•*·]?\s*(?=[\w-]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+){2,}$"),
    _cue(
        "site_chrome",
        0.85,
        r"^(?:\d+\s*(?:min(?:ute)?s?|m)\.?(?:\s+(?:read|de\s+lecture|lesezeit|de\s+leitura|"
        r"de\s+lectura))?|(?:reading|read)\s+time\s*:?.{0,20}|temps\s+de\s+lecture\s*:?.{0,20}|"
        r"tempo\s+de\s+leitura\s*:?.{0,20}|tiempo\s+de\s+lectura\s*:?.{0,20}|"
        r"lesezeit\s*:?.{0,20})$",
    ),
    _cue(
        "site_chrome",
        0.8,
        r"^(?:(?:image|photo|picture|slide)\s+)?\d{1,3}\s+(?:of|/)\s+\d{1,3}$",
    ),
    _cue("site_chrome", 0.85, r"^(?:powered\s+by|theme\s+by|designed\s+by)\b.{0,60}$"),
    # comment sections
    _cue(
        "comments",
        0.85,
        r"^(?:\d+\s+)?(?:comments?|responses?|replies|reader\s+comments|discussion|"
        r"kommentare|commentaires|comentarios|comentários|commenti)\s*(?:\(\d+\))?\s*:?$",
        run="all",
    ),
    _cue(
        "comments",
        0.9,
        r"^(?:\d+|one|two|three|four|five)\s+(?:thoughts?|responses?|comments?|replies|"
        r"reactions?)\s+(?:on|to)\b.{0,200}$",
        run="all",
    ),
    _cue(
        "comments",
        0.85,
        r"^(?:reply|report(?:\s+abuse)?|like|flag|permalink|log\s+in\s+to\s+reply|"
        r"\d+\s+(?:likes?|replies|upvotes?|points?)|upvote|downvote|reply\s*↓)\s*$",
    ),
    _cue(
        "comments",
        0.8,
        rf"^[\w .'’-]{{1,40}}\s+(?:on\s+)?{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s+at\s+"
        r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?$",
    ),
    # pingbacks / trackbacks
    _cue(
        "pingbacks",
        0.95,
        r"^(?:pingbacks?|trackbacks?)(?:\s*(?:&|and|/)\s*(?:pingbacks?|trackbacks?))?\s*:?$",
        run="all",
    ),
    # reply forms
    _cue(
        "reply_form",
        0.8,
        r"^(?:name|e-?mail(?:\s+address)?|website|url|comment|message|your\s+name|"
        r"your\s+email)\s*(?:\*|\(required\)|:\s*\*?)$",
    ),
    _cue(
        "reply_form",
        0.85,
        r"^(?:post|submit|add|send|publish)\s+(?:a\s+|your\s+)?(?:comment|reply)\s*(?:\(\+\))?$",
    ),
    # blog sidebars
    _cue(
        "sidebar",
        0.85,
        r"^(?:recent\s+(?:posts|comments|articles|entries)|latest\s+posts|popular\s+posts|"
        r"archives?|categories|categorias|catégories|kategorien|categorías|tags?|meta|"
        r"blogroll|search(?:\s+for)?|about(?:\s+(?:me|us|(?:this|the|our)\s+(?:author|blog|site|writer)))?|"
        r"follow\s+(?:this\s+)?blog(?:\s+via\s+email)?|subscribe\s+to\s+blog\s+via\s+email|"
        r"(?:useful|quick)?\s*links|pages|calendar|tag\s+cloud|topics|authors?|"
        r"sobre\s+(?:o\s+autor|mim)|à\s+propos)\s*:?$",
        run="short",
    ),
    # stand-alone credits and contacts
    _cue("source_stamp", 0.9, rf"^[-–—(\[]*\s*(?:{_AGENCIES}(?:\s*[/,&]\s*)?)+\s*[)\]]?\.?$"),
    _cue("source_stamp", 0.65, r"^[-–—]\s*[A-Z][\w.&'’ ]{1,40}$"),
    _cue("social_prompt", 0.85, r"^(?:@\w{2,}[\s,|/]*)+$"),
    _cue("social_prompt", 0.85, r"^(?:[\w.+-]+@[\w-]+\.[\w.]+[\s,|/]*)+$"),
    _cue(
        "social_prompt",
        0.85,
        rf"^(?:(?:https?://)?(?:www\.)?{_PLATFORMS}\.com/\S+[\s,|/]*)+$",
    ),
    _cue("social_prompt", 0.85, rf"^{_PLATFORMS}\s*:\s*@?\S+$"),
    # A bare link: often a source the article cites; furniture only with more evidence.
    _cue("site_chrome", 0.35, r"^(?:https?://|www\.)\S+$"),
    # One network's name alone: a share button that lost its neighbours.
    _cue("share_prompt", 0.6, rf"^(?:{_PLATFORMS}|e-?mail|print|sms|messenger)$"),
    _cue(
        "share_prompt",
        0.9,
        r"^(?:share\s+(?:this|the)\s+(?:article|story|post|page)|share\s+this|share)\s*:$",
        run="short",
    ),
    _cue(
        "share_prompt",
        0.9,
        r"^(?:share|share\s+(?:this|the)\s+(?:article|story|post|page)|copy\s+(?:the\s+)?link|"
        r"link\s+copied|e-?mail(?:\s+this)?(?:\s+(?:article|story|page))?|"
        r"print(?:\s+this)?(?:\s+(?:article|story|page))?|"
        r"order\s+reprints|reprints?|save(?:\s+article)?|bookmark|gift\s+(?:this\s+)?article|"
        r"share\s+(?:on|via)\s+\w+|tweet|pin\s+it)\s*:?$",
    ),
    _cue(
        "empty_widget",
        0.9,
        r"^(?:no\s+(?:comments|posts|articles|items|results|entries|categories|tags|archives|"
        r"events|reviews|replies)(?:\s+(?:yet|found|to\s+(?:show|display)|available))?|"
        r"nothing\s+(?:found|to\s+(?:show|display)|here)|there\s+are\s+no\s+\w+(?:\s+yet)?|"
        r"be\s+the\s+first\s+to\s+(?:comment|review|reply).{0,40})\s*[.!]?$",
    ),
)

# Sentence patterns: tried against each sentence of a paragraph.
_SENTENCE_CUES: tuple[Cue, ...] = (
    # age banners
    _cue(
        "age_banner",
        0.97,
        r"\b(?:this|the)\s+(?:article|story|post|page|report|content|piece|item)\s+is\s+"
        r"(?:more\s+than|over|at\s+least|nearly|almost)?\s*(?:\d+|an?|one|two|three|four|"
        r"five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:years?|months?|weeks?|days?)\s+old\b",
        detach=True,
    ),
    _cue(
        "age_banner",
        0.9,
        r"\b(?:this|the)\s+(?:article|story|post|page|report)\s+was\s+(?:first\s+)?"
        r"(?:published|written|posted)\s+(?:more\s+than|over)\s+.{1,20}\bago\b",
        detach=True,
    ),
    _cue(
        "age_banner",
        0.85,
        r"^(?:archived?\s+(?:article|content|story|page)|from\s+(?:our|the)\s+archives?)\b"
        r"|\b(?:information|details)\s+(?:in\s+(?:it|this\s+\w+)\s+)?may\s+(?:now\s+)?be\s+"
        r"(?:out\s+of\s+date|outdated|no\s+longer\s+(?:accurate|current))",
        detach=True,
    ),
    # a ticker: a shouted label opening a short headline
    _cue(
        "site_chrome",
        0.7,
        r"^(?-i:BREAKING(?:\s+NEWS)?|JUST\s+IN|DEVELOPING|LIVE|URGENT|FLASH|ALERT)\b\s*[:|\-–—]?\s*\S"
        r"|^(?:breaking(?:\s+news)?|just\s+in|developing|urgent)\s*[:|\-–—]\s*\S",
        label=True,
    ),
    # related stories and teasers
    _cue(
        "related",
        0.9,
        r"^[\[(]?\s*(?:related(?:\s+(?:stories|story|articles?|coverage|content|posts?|reading|"
        r"news|topics|links|video|post))?|read\s+(?:more|also|next|this)|also\s+read|see\s+also|"
        r"more\s+(?:on|about)\s+(?:this|the)\s+(?:story|topic|subject)|more\s+reading|"
        r"(?:also|more)\s+on\s+[\w.]+|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|"
        r"recommended(?:\s+for\s+you)?|(?:most|more)\s+(?:read|popular|viewed)|"
        r"lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi|"
        r"lesen\s+sie\s+auch|mehr\s+zum\s+thema|lee\s+también|leia\s+também|leia\s+mais|"
        r"leggi\s+anche(?:\s+su)?|ver\s+también|читайте\s+также)\b\s*[:|>»\-–—]",
        detach=True,
        label=True,
    ),
    _cue(
        "related",
        0.85,
        r"^(?:related(?:\s+(?:stories|articles|coverage|content|posts|reading|news|links))?|"
        r"also\s+read|see\s+also|further\s+reading|more\s+stories|more\s+news|"
        r"more\s+headlines|more\s+from\s+[\w .&'’]{1,30}|"
        r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|"
        r"recommended(?:\s+(?:for\s+you|reading|stories|articles))?|"
        r"(?:most|more)\s+(?:read|popular|viewed|shared|watched)(?:\s+(?:stories|articles|now))?|"
        r"popular\s+(?:on|in|now)\b.{0,30}|editor'?s?\s+picks?|top\s+stories|"
        r"in\s+other\s+news|don'?t\s+miss|trending(?:\s+(?:now|stories|topics))?|"
        r"what\s+to\s+read\s+next|up\s+next|next\s+(?:article|story|post)|"
        r"previous\s+(?:article|story|post)|keep\s+reading|more\s+in\s+[\w ]{1,25}|"
        r"latest\s+(?:news|stories|headlines|articles)|sponsored\s+stories|"
        r"around\s+the\s+web|from\s+(?:our|the)\s+partners?)\s*[:|>»\-–—.!]*$",
        run="short",
    ),
    _cue(
        "related",
        0.8,
        r"\b(?:read|see)\s+(?:the\s+)?(?:full|whole|complete|original)\s+"
        r"(?:story|article|report|interview)\b|\bfor\s+more\s+(?:stories|news|coverage|on\s+this)"
        r"\b.{0,40}\b(?:visit|go\s+to|see|click)\b",
        detach=True,
    ),
    _cue("related", 0.6, r"(?:^|[\s.!?])read\s+more\s*[.…»>\]]*$", detach=True),
    _cue(
        "related",
        0.85,
        r"^(?:click|tap)\s+(?:here\s+)?(?:to|for)\s+(?:read|see|view|learn|find\s+out|more)\b",
        detach=True,
    ),
    # video / audio prompts
    _cue(
        "video_prompt",
        0.88,
        r"^[\[(]?\s*(?:watch|video|videos|listen|audio|podcast|play|regardez|vidéo|ver\s+vídeo|"
        r"assista)\s*[)\]]?\s*[:|\-–—]",
        detach=True,
        label=True,
    ),
    _cue(
        "video_prompt",
        0.75,
        r"^(?:watch|listen\s+to|play|see)\b.{0,60}\b(?:video|clip|footage|podcast|episode|"
        r"livestream|live\s+stream|broadcast)\b.{0,30}$",
        detach=True,
    ),
    _cue(
        "video_prompt",
        0.9,
        r"(?<![\w-])(?:click|tap|press)\s+(?:here\s+|below\s+)?to\s+(?:play|watch|listen)\b|"
        r"^(?:now\s+playing|play\s+video|watch\s+(?:video|now|live|more)|video\s+player|"
        r"video\s+(?:duration|length)|how\s+to\s+listen\b|duration\s+\d)|"
        r"\byour\s+browser\s+does\s+not\s+support\s+(?:the\s+)?(?:video|audio|html5)",
        detach=True,
    ),
    _cue("video_prompt", 0.8, r"^(?:download|itunes|spotify|apple\s+podcasts|rss)\s*:\s*\S+$"),
    # social follow prompts and contact lines
    _cue(
        "social_prompt",
        0.9,
        r"^(?:please\s+)?(?:follow|like|join|find|connect\s+with|subscribe\s+to|add)\b.{0,80}"
        rf"\b(?:on|via|at|in)\s+{_PLATFORMS}\b",
        detach=True,
    ),
    _cue(
        "social_prompt",
        0.85,
        r"^(?:follow|join|like)\s+(?:us|@\w+|our\s+\w+\s+(?:channel|page|account|group))\b",
        detach=True,
    ),
    _cue("social_prompt", 0.55, r"\bfollow\s+(?:us|me|him|her|them)\s+(?:on|@)"),
    _cue(
        "social_prompt",
        0.85,
        r"^(?:e-?mail|contact|write\s+to|reach)\b.{0,60}\b(?:at|on|via)\s+\S+@\S+|"
        r"^reach\s+(?:the\s+)?(?:reporters?|writers?|authors?)\b|"
        r"^(?:follow|contact)\s+(?:the\s+)?(?:reporters?|writers?|authors?)\b",
        detach=True,
    ),
    _cue(
        "social_prompt",
        0.7,
        rf"\bjoin\s+(?:our|the)\s+(?:\w+\s+){{0,2}}{_PLATFORMS}?\s*(?:channel|group|community)\b",
    ),
    # newsletter and subscription prompts
    _cue(
        "newsletter_prompt",
        0.88,
        r"\b(?:sign(?:ing)?\s*up|subscrib(?:e|ing)|inscrivez-vous|abonnez-vous|suscríbete|"
        r"assine|abonnieren)\b.{0,70}\b(?:newsletters?|briefings?|digest|bulletin|alerts?|"
        r"updates|e-?mails?|inbox|mailing\s+list|lettre\s+d'information|boletín)\b|"
        r"\bregister\b.{0,40}\b(?:newsletters?|briefings?|digest|bulletin|mailing\s+list)\b",
        detach=True,
    ),
    _cue(
        "newsletter_prompt",
        0.8,
        r"^(?:sign\s+up|subscribe|register)\s*(?:now|today|here|for\s+free|free)?\s*[:!.]?$|"
        r"^(?:sign\s+up|subscribe)\s*:",
        detach=True,
    ),
    _cue(
        "newsletter_prompt",
        0.8,
        r"\b(?:in(?:to)?|to|straight\s+to|direct(?:ly)?\s+to)\s+your\s+inbox\b",
    ),
    _cue(
        "newsletter_prompt",
        0.9,
        r"\benter\s+(?:your|an)\s+e-?mail\b|\bby\s+(?:signing\s+up|subscribing|clicking)\b.{0,30}"
        r"\byou\s+agree\b|\bunsubscribe\s+(?:at\s+any\s+time|anytime)\b",
        detach=True,
    ),
    _cue(
        "newsletter_prompt",
        0.85,
        r"^(?:get|receive)\s+(?:the|our)\b.{0,50}\b(?:newsletter|briefing|digest|delivered)\b",
        detach=True,
    ),
    _cue("newsletter_prompt", 0.45, r"\bnewsletters?\b"),
    _cue("newsletter_prompt", 0.5, r"\bdelivered\s+(?:to\s+your|every|each|daily|weekly|weekday)"),
    # share prompts
    _cue(
        "share_prompt",
        0.85,
        r"\bshare\s+(?:this|the|it|our)\s+(?:article|story|post|page|video)?\s*"
        r"(?:with|on|via)\b|\bshare\s+(?:on|via|to)\s+(?:facebook|twitter|x|whatsapp|linkedin|"
        r"e-?mail|reddit|telegram)\b|^share\s+this\s*[:!.]?$",
        detach=True,
    ),
    _cue("share_prompt", 0.9, r"\bclick\s+to\s+(?:tweet|share|email|print)\b", detach=True),
    # photo credits
    _cue(
        "photo_credit",
        0.85,
        r"^[\[(]?\s*(?:photo(?:graph)?s?|images?|pictures?|pic|illustrations?|"
        r"credits?|photo\s+credit|image\s+(?:credit|source)|source\s+image|foto|bild|"
        r"fotografía|imagen|crédit\s+photo|photo\s+by|photographs?\s+by|image\s+by)"
        r"\s*(?:by)?\s*[:/|©]",
        detach=True,
        label=True,
    ),
    _cue(
        "photo_credit",
        0.8,
        r"\((?:photo|image|picture|credit|photograph|pic)s?\s*(?:by|:|credit\s*:)\s*[^)]{1,80}\)"
        r"|\b(?:getty\s+images|via\s+getty|shutterstock|alamy|istock(?:photo)?|afp\s+photo|"
        r"ap\s+photo|epa-efe|sipa\s+usa|nurphoto|zuma\s+press|reuters/[A-Z]|afp/|/afp\b|"
        r"/reuters\b|/getty\b|/ap\b|\bap/)",
        label=True,
    ),
    _cue("photo_credit", 0.92, r"^[©ⓒ]\s*(?!.*\b(?:19|20)\d{2}\b)[A-Z][\w'’.-]+\s+[A-Z]"),
    Cue("caption", 0.5, _CAPTION_WORDS),
    # comments and reply forms
    _cue(
        "comments",
        0.85,
        r"^(?:join|start)\s+the\s+(?:conversation|discussion|debate)\b|"
        r"^(?:show|view|load|hide|read|see|open)\s+(?:all\s+|more\s+|the\s+)?(?:\d+\s+)?"
        r"comments?\b|^sort\s+(?:comments\s+)?by\s+(?:newest|oldest|best|top|popular)\b|"
        r"^(?:tell\s+us|let\s+us\s+know)\s+what\s+you\s+think\b|\bhave\s+your\s+say\b|"
        r"\blet\s+us\s+know\s+in\s+the\s+comments\b|^share\s+your\s+(?:thoughts|views|comments)\b|"
        r"\bcomments?\s+(?:are|is)\s+(?:now\s+)?(?:closed|disabled|moderated)\b|"
        r"\bcommenting\s+(?:is\s+)?(?:closed|disabled|not\s+available)\b",
        detach=True,
        run="all",
    ),
    _cue("comments", 0.6, r"^[\w .'’-]{1,40}\s+says\s*:\s*\S"),
    _cue(
        "comments",
        0.85,
        rf"^[\w .'’-]{{1,40}}\s+says\s*:?\s*(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH}|\d{{4}}-)",
    ),
    _cue(
        "pingbacks",
        0.95,
        r"^(?:pingback|trackback)\s*[:(]",
        run="all",
    ),
    _cue("pingbacks", 0.5, r"\[(?:…|\.\.\.)\]"),
    _cue(
        "reply_form",
        0.92,
        r"^leave\s+a\s+(?:reply|comment|response)\b|\bcancel\s+reply\b|"
        r"\byour\s+e-?mail\s+(?:address\s+)?will\s+not\s+be\s+(?:published|shared|displayed)\b|"
        r"\brequired\s+fields\s+are\s+marked\b|\bsave\s+my\s+name,?\s+e-?mail,?\s+(?:and|&)\s+"
        r"website\b|\bnotify\s+me\s+of\s+(?:new|follow-?up)\s+(?:comments|posts|replies)\b|"
        r"\byou\s+must\s+be\s+(?:logged|signed)\s+in\s+to\s+(?:post|leave|add)\s+a\s+comment\b|"
        r"\bthis\s+site\s+uses\s+akismet\b|\bhow\s+your\s+comment\s+data\s+is\s+processed\b|"
        r"\bcomment\s+policy\b",
        detach=True,
        run="short",
    ),
    # blog sidebar labels with content
    _cue(
        "sidebar",
        0.85,
        r"^(?:filed\s+under|posted\s+in|tagged(?:\s+with)?|tags?|categor(?:y|ies)|topics|"
        r"categoria|catégorie|schlagworte)\s*[:\-–—]",
        detach=True,
        label=True,
    ),
    _cue(
        "sidebar",
        0.85,
        r"^about\s+(?:the|this|our)\s+(?:author|writer|blog|site)\b\s*[:\-–—]?",
        run="short",
    ),
    _cue("sidebar", 0.85, r"^(?:search\s+for|search\s+this\s+(?:site|blog))\b"),
    _cue(
        "sidebar",
        0.8,
        r"^(?:recent\s+(?:posts|comments|articles|entries)|popular\s+posts|latest\s+posts|"
        r"blogroll|tag\s+cloud)\b",
        run="short",
    ),
    # empty widgets
    _cue(
        "empty_widget",
        0.85,
        r"\bsorry,?\s+no\s+(?:posts|results|items)\s+(?:matched|found)\b|"
        r"\b(?:widget|feed)\s+(?:is\s+)?(?:not\s+configured|empty|unavailable)\b|"
        r"\bno\s+(?:comments|posts|items)\s+(?:yet|found)\b|"
        r"\bthere\s+(?:are|is)\s+no\s+(?:comments|posts|items|entries)\s+(?:yet|to\s+show)\b",
        detach=True,
    ),
    _cue(
        "empty_widget",
        0.85,
        r"(?-i:\bNo)\s+(?:comments|posts|articles|items|results|entries|categories|tags|archives|"
        r"events|reviews|replies)(?:\s+(?:yet|found|to\s+(?:show|display)|available))?\s*[.!]?$",
    ),
    # opinion and other disclaimers
    _cue(
        "disclaimer",
        0.85,
        r"\b(?:views|opinions)\s+expressed\b|\bdo(?:es)?\s+not\s+necessarily\s+(?:reflect|"
        r"represent)\b|^disclaimer\b|\bthe\s+(?:author|writer)'?s?\s+own\s+(?:views|opinions)\b|"
        r"\bnot\s+(?:financial|investment|legal|medical)\s+advice\b|"
        r"\b(?:contains|may\s+contain|includes?)\s+affiliate\s+links?\b|"
        r"\b(?:we|the\s+\w+)\s+may\s+(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?"
        r"(?:commission|affiliate)\b|\bour\s+standards\b|\btrust\s+principles\b|"
        r"\beditorial\s+(?:policy|stance|guidelines|independence)\b|"
        r"\bprices\s+(?:are\s+)?subject\s+to\s+change\b",
        detach=True,
    ),
    _cue(
        "disclaimer",
        0.75,
        r"^(?:editor'?s?\s+note|note\s+from\s+the\s+editor|correction|clarification)\s*[:\-–—]|"
        r"^(?:this|the\s+following)\s+(?:is\s+an?\s+)?(?:opinion|op-ed|commentary|editorial)\s+"
        r"(?:piece|column|article)\b|\bletters?\s+to\s+the\s+editor\b",
        detach=True,
    ),
    # copyright
    _cue("copyright", 0.9, r"[©ⓒ]|\(c\)\s*(?:19|20)\d{2}\b", detach=True),
    _cue(
        "copyright",
        0.95,
        r"\ball\s+rights\s+reserved\b|\btous\s+droits\s+réservés\b|\balle\s+rechte\s+vorbehalten\b"
        r"|\btodos\s+los\s+derechos\s+reservados\b|\btodos\s+os\s+direitos\s+reservados\b|"
        r"\btutti\s+i\s+diritti\s+riservati\b|\bmay\s+not\s+be\s+(?:re)?published,?\s+broadcast\b|"
        r"\bpersonal,?\s+non-?commercial\s+use\s+only\b|"
        r"\b(?:reproduction|redistribution|republication|reprinting)\b.{0,40}\b(?:prohibited|"
        r"forbidden|without\s+(?:the\s+)?(?:prior\s+)?(?:written\s+)?(?:permission|consent))\b",
        detach=True,
    ),
    _cue("copyright", 0.55, r"^copyright\b|\bcopyright\s+(?:19|20)\d{2}\b"),
    # source credits at the foot of a story
    _cue(
        "source_stamp",
        0.85,
        r"^[(\[]?\s*(?:sources?|via|courtesy(?:\s+of)?|quelle|fuente|fonte|"
        r"with\s+(?:agency\s+)?inputs?\s+from|compiled\s+by|translated\s+by|edited\s+by|"
        r"editing\s+by|(?:additional\s+)?reporting\s+by|writing\s+by|produced\s+by|"
        r"(?:with\s+)?(?:additional\s+)?reporting\s+from)\s*[:\-–—]?\s*(?-i:[A-Z\d@])",
        detach=True,
        label=True,
    ),
    _cue(
        "source_stamp",
        0.85,
        r"\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b|"
        r"\b(?:first|originally)\s+published\s+by\b|"
        r"\b(?:this\s+(?:article|story|post|piece|report)\s+(?:was|is|has\s+been)\s+"
        r"(?:originally|first)\s+(?:published|posted|appeared))|\boriginally\s+"
        r"(?:published|posted|appeared)\s+(?:on|in|at|by)\b|"
        r"\b(?:article|story|post|piece|report|column|version)\b.{0,30}\bfirst\s+appeared\s+(?:on|in)\b|"
        r"\brepublished\s+(?:with|under)\b",
        detach=True,
    ),
    # updated / published stamps
    _cue(
        "updated_stamp",
        0.85,
        rf"^(?:(?:last\s+)?(?:updated|modified|published|posted|first\s+published|created)|"
        r"mis\s+à\s+jour|publié|aktualisiert|veröffentlicht|actualizado|publicado|atualizado|"
        r"pubblicato|aggiornato)\b\s*(?:on|at|:|le|am|el|em|il)?\s*(?!by\b)"
        rf"(?=\d|{_MONTH}|(?:{_WEEKDAY})\b|today\b|yesterday\b)"
        r".{1,60}$",
        detach=True,
        label=True,
    ),
    _cue(
        "updated_stamp",
        0.7,
        r"\b(?:this\s+(?:article|story|report)\s+(?:has\s+been|was)\s+(?:updated|amended|"
        r"corrected))\b",
        detach=True,
    ),
    # advertising and commercial teasers (inserted_ad when the paragraph is off-topic)
    _cue(
        "inserted_ad",
        0.55,
        r"\b(?:advertisement|sponsored\s+(?:content|post|by)|paid\s+(?:post|partnership|"
        r"content)|promoted\s+(?:content|stories)|partner\s+content)\b|"
        r"\b(?:shop|buy|order|book|call|apply|download)\s+(?:now|today)\b|"
        r"\b(?:limited[- ]time\s+offer|free\s+trial|promo\s+code|discount\s+code|"
        r"\d+%\s+off)\b|\b(?:learn|find\s+out)\s+more\b|\bclick\s+here\b",
        detach=True,
    ),
    _cue(
        "site_chrome",
        0.8,
        r"\b(?:download|get)\s+(?:the|our)\s+(?:free\s+)?[\w ]{0,30}\bapp\b",
        detach=True,
    ),
    _cue(
        "site_chrome",
        0.85,
        r"\b(?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|accept\s+(?:all\s+)?"
        r"cookies|cookie\s+(?:policy|settings|preferences))\b|\b(?:please\s+)?enable\s+javascript\b",
        detach=True,
    ),
    _cue(
        "site_chrome",
        0.75,
        r"^(?:report\s+(?:an?\s+)?(?:error|typo|correction)|spotted\s+an?\s+(?:error|typo|mistake))\b",
        detach=True,
    ),
    _cue(
        "other",
        0.75,
        r"\b(?:support|fund)\s+(?:our|independent)\s+journalism\b|"
        r"^(?:become\s+a\s+(?:member|subscriber|supporter|patron)|donate\s+(?:now|today))\b",
        detach=True,
    ),
)

# Teaser cues: what an unrelated story or ad pasted into the body carries.
_TEASER = re.compile(
    r"\bread\s+more\b|\bclick\s+here\b|\b(?:learn|find\s+out)\s+more\b|\bsee\s+more\b|"
    r"\bfull\s+story\b|\bcontinue\s+reading\b|\bsponsored\b|\badvertisement\b|\bpromoted\b|"
    r"\b(?:shop|buy|order)\s+now\b|\bsubscribe\b|[»›]\s*$",
    _FLAGS,
)

_BYLINE_START = re.compile(
    r"^(?:by|written\s+by|words\s+by|story\s+by|text\s+by|posted\s+by|report(?:ed)?\s+by|"
    r"von|par|por|di|door|av)\s*[:\s]\s*(?=\S)",
    _FLAGS,
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TERMINAL = re.compile(r"[.!?…。！？]['\"”’»)\]]*\s*$")
# Possessive, and only at the start of a run of stops: a long run ("!!!!...") is
# then scanned once, not once per position.
_BOUNDARY = re.compile(r"(?<![.!?…。！？])[.!?…。！？]++['\"”’»)\]]*+(?:\s+|(?=[A-Z][a-z]))")
_ABBREVIATIONS = _wordset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr gov sen rep rev st ft mt jr sr
    no nos vol fig approx est inc ltd co corp bros dept univ jan feb mar apr jun jul aug sep sept
    oct nov dec vs etc al e.g i.e u.s u.k u.n a.m p.m"""
)
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ'’.\- ]{2,}(?:,\s*[\w .'’-]{2,30})?(?:\s*\([^)]{2,40}\))?\s*(?:[—–-]|:\s)"
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according\s+to|reported|claimed|announced|stated|added)\b|[“”\"]",
    _FLAGS,
)
_DAY_OR_YEAR = re.compile(rf"\b(?:19|20)\d{{2}}\b|\b{_MONTH}|\b(?:{_WEEKDAY})\b", _FLAGS)
_BY = re.compile(r"\b(?:by|par|por|von)\b", _FLAGS)
_BULLET = re.compile(r"^[-–—•*·▪►]\s+")
_WS = re.compile(r"\s+")


# --------------------------------------------------------------------------
# Text helpers


def normalise(paragraph: str) -> str:
    """Collapse runs of white space inside a paragraph, as the text contract asks."""
    return _WS.sub(" ", paragraph).strip()


def split_paragraphs(text: str) -> list[str]:
    """Contract paragraphs: blocks separated by blank lines, white space collapsed."""
    return [p for p in (normalise(block) for block in re.split(r"\n\s*\n", text)) if p]


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; abbreviations and initials do not end one."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if end >= len(paragraph):
            break
        following = paragraph[end : end + 2]
        if not (following[:1].isupper() or following[:1].isdigit() or following[:1] in '"“‘«([@*•'):
            continue
        before = paragraph[start : match.start() + 1].split()
        last = before[-1].rstrip(".").casefold() if before else ""
        if match.group().startswith(".") and (
            last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
        ):
            continue
        sentences.append(paragraph[start:end].strip())
        start = end
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _length(text: str, words: Sequence[str]) -> float:
    """Length in word-equivalents: scripts without spaces count two characters a word."""
    return max(float(len(words)), len(_CJK.findall(text)) / 2)


def _lower_ratio(words: Sequence[str]) -> float:
    cased = [w for w in words if w[0].lower() != w[0].upper()]
    if not cased:
        return 0.6  # a caseless script: no evidence either way
    return sum(1 for w in cased if w[0].islower()) / len(cased)


def narrativeness(sentence: str) -> float:
    """How much a sentence looks like running prose: long, punctuated, lower-case words."""
    words = _words(sentence)
    length = _length(sentence, words)
    terminal = 1.0 if _TERMINAL.search(sentence) else 0.0
    return (
        min(1.0, length / 30) * 0.6 + 0.25 * terminal + 0.15 * min(1.0, _lower_ratio(words) / 0.6)
    )


def _stems(text: str) -> frozenset[str]:
    """Content-word stems: casefolded, stopwords out, cut to six letters."""
    out = set()
    for word in _WORD.findall(text):
        folded = word.casefold().strip("'’-")
        if len(folded) >= 3 and folded not in _STOPWORDS:
            out.add(folded[:6])
    return frozenset(out)


def _key(text: str) -> str:
    return " ".join(w.casefold() for w in re.findall(r"\w+", text))


# --------------------------------------------------------------------------
# Evidence per paragraph


@dataclass(slots=True)
class SentenceEvidence:
    text: str
    reason: str = ""
    score: float = 0.0  # furniture evidence after damping by prose shape
    detach: bool = False
    narrative: float = 0.0
    run: Run = ""


@dataclass(slots=True)
class ParagraphEvidence:
    text: str
    sentences: list[SentenceEvidence]
    words: int
    length: float
    terminal: bool
    lower_ratio: float
    score: float = 0.0
    reason: str = ""
    run: Run = ""
    keep: tuple[int, int] | None = None  # sentence span kept when glued furniture is cut
    protected: bool = False  # part of a quoted post: body text whatever it looks like
    notes: list[str] = field(default_factory=list)
    _stems: frozenset[str] | None = None

    @property
    def stems(self) -> frozenset[str]:
        if self._stems is None:
            self._stems = _stems(self.text)
        return self._stems

    @property
    def prose(self) -> bool:
        """A paragraph shaped like article prose (before any context)."""
        return self.length >= 12 and self.terminal and self.lower_ratio >= 0.5


def _noisy_or(weights: Iterable[float]) -> float:
    keep = 1.0
    for weight in weights:
        keep *= 1.0 - weight
    return 1.0 - keep


def _glued_to_prose(text: str, match: re.Match[str]) -> bool:
    """Whether a label's match leaves a long stretch of prose around it."""
    rest = len(_words(text[: match.start()] + text[match.end() :]))
    return rest > _LABEL_REACH or (rest > _LABEL_REACH_PROSE and bool(_TERMINAL.search(text)))


def _best_cue(text: str, cues: Sequence[Cue]) -> tuple[str, float, bool, Run]:
    """The strongest reason among matching cues; several cues of one reason add up."""
    by_reason: dict[str, list[tuple[Cue, float]]] = {}
    lowered = folded(text)
    for cue in cues:
        match = cue.pattern.search(text) if may_match(lowered, cue.needs) else None
        if match is None:
            continue
        weight = cue.weight
        if cue.label and _glued_to_prose(text, match):
            weight *= 0.5
        by_reason.setdefault(cue.reason, []).append((cue, weight))
    best: tuple[str, float, bool, Run] = ("", 0.0, False, "")
    for reason, found in by_reason.items():
        hits = [c for c, _w in found]
        weight = _noisy_or(w for _c, w in found)
        if weight > best[1]:
            run: Run = next((c.run for c in hits if c.run), "")
            best = (reason, weight, any(c.detach for c in hits), run)
    return best


def _byline_score(paragraph: str) -> float:
    """A "By NAME[, OUTLET][ on DATE]" line: names and role words, no running prose."""
    start = _BYLINE_START.match(paragraph)
    if not start or len(paragraph) > 200:
        return 0.0
    rest = _DATE_TIME.sub(" ", paragraph[start.end() :])
    tokens = re.findall(r"[^\W_][\w'’.\-]*", rest)
    if not tokens or len(tokens) > 18 or not tokens[0][:1].isupper():
        return 0.0
    if len(split_sentences(paragraph)) > 1 and not re.search(r"\|", paragraph):
        return 0.0
    loose = [t for t in tokens if t[:1].islower() and t.casefold().strip(".") not in _ROLE_WORDS]
    if len(loose) > max(0, len(tokens) // 8):
        return 0.0
    return 0.92


def _stamp_score(paragraph: str, words: Sequence[str]) -> float:
    """A paragraph made of dates, times and stamp words ("Updated: 3 March 2024, 10:15 GMT").

    A bare date or time is weak evidence on its own: live blogs and schedules
    use them as headings; at the edge of the page it is a stamp.
    """
    if len(words) > 16 or not _DATE_TIME.search(paragraph) or _BY.search(paragraph):
        return 0.0  # "published by ..." names an author or a source
    leftover = _words(_STAMP_WORDS.sub(" ", _DATE_TIME.sub(" ", paragraph)))
    stamped = bool(_STAMP_VERB.search(paragraph))
    if stamped and len(leftover) <= 4 and not _TERMINAL.search(paragraph.rstrip(".")):
        return 0.85
    if not leftover:
        if stamped:
            return 0.85
        # A date is a stamp at the page's edge; a bare time is more often a live-blog heading.
        return 0.45 if _DAY_OR_YEAR.search(paragraph) else 0.3
    return 0.0


def _share_run_score(words: Sequence[str]) -> float:
    """Mostly network names and share verbs: "Facebook Twitter WhatsApp Email"."""
    folded = [w.casefold() for w in words]
    hits = sum(1 for w in folded if w in _SHARE_WORDS)
    if hits >= 2 and hits / len(folded) >= 0.6:
        return 0.85
    return 0.0


_NAME_PARTICLES = _wordset("al el bin ibn bint de da di del della van von der den du le la abu")


def _name_like(text: str) -> bool:
    """Two to five capitalised name tokens ("Lina Haddad", "Omar al-Masri")."""
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitalised = 0
    for token in tokens:
        if token.casefold() in _NAME_PARTICLES:
            continue
        if not re.fullmatch(r"[^\W\d_][\w'’.\-]*", token) or not token[0].isupper():
            return False
        capitalised += 1
    return capitalised >= 2


def _menu_score(paragraph: str, words: Sequence[str]) -> float:
    """A flattened navigation bar: capitalised words only, no sentence, no digits."""
    if re.search(r"[\d.!?…:;,'’\"“”\[\]()<>]", paragraph) or not 4 <= len(words) <= 14:
        return 0.0
    if all(w[0].isupper() for w in words):
        shouted = sum(1 for w in words if len(w) > 1 and w.isupper())
        return 0.3 if shouted * 2 > len(words) else 0.55  # capitals: more often a heading
    return 0.0


def _segments_score(paragraph: str) -> tuple[str, float]:
    """Pipe- or bullet-separated short segments: a stamp, a byline, a menu."""
    parts = [p.strip() for p in re.split(r"\s[|•·]\s|\s/\s", paragraph) if p.strip()]
    if len(parts) < 2 or any(len(_words(p)) > 8 for p in parts) or _TERMINAL.search(paragraph):
        return "", 0.0
    if _DATE_TIME.search(paragraph):
        if any(_byline_score(p) or _name_like(p) for p in parts):
            return "byline", 0.85
        if _STAMP_VERB.search(paragraph):
            return "updated_stamp", 0.75
        return "", 0.0
    if all(p[:1].isupper() or p[:1].isdigit() for p in parts):
        return "site_chrome", 0.6
    return "", 0.0


def analyse(paragraph: str) -> ParagraphEvidence:
    """The context-free evidence of one (normalised) paragraph."""
    words = _words(paragraph)
    evidence = ParagraphEvidence(
        text=paragraph,
        sentences=[],
        words=len(words),
        length=_length(paragraph, words),
        terminal=bool(_TERMINAL.search(paragraph)),
        lower_ratio=_lower_ratio(words),
    )
    bare = _BULLET.sub("", paragraph)
    if _QUOTED_POST.match(paragraph):
        evidence.protected = True
        return evidence

    # Whole-paragraph shapes.
    reason, score, _detach, run = _best_cue(bare, _PARAGRAPH_CUES)
    candidates: list[tuple[str, float, Run]] = [
        (reason, score, run),
        ("byline", _byline_score(bare), ""),
        ("updated_stamp", _stamp_score(bare, words), ""),
        ("share_prompt", _share_run_score(words) if words else 0.0, ""),
        (*_segments_score(bare), ""),
        ("site_chrome", _menu_score(bare, words), ""),
    ]

    # Sentence cues, damped by how much each sentence reads like prose. A long
    # prose sentence inside a paragraph cannot be split off or sink the paragraph,
    # so its cues are not worth looking up.
    sentences = split_sentences(bare)
    for k, text in enumerate(sentences):
        prose = narrativeness(text)
        if 0 < k < len(sentences) - 1 and prose >= 0.85:
            evidence.sentences.append(SentenceEvidence(text, narrative=prose))
            continue
        s_reason, weight, detach, s_run = _best_cue(text, _SENTENCE_CUES)
        damped = weight * (1.0 - min(1.0, 1.5 * (1.0 - weight) * prose))
        evidence.sentences.append(
            SentenceEvidence(text, s_reason, damped, detach and weight >= 0.75, prose, s_run)
        )
    # Furniture sentences glued to the edges of prose are split off, not held
    # against the paragraph: score what remains.
    lo, hi = _glued_edges(evidence.sentences)
    if (lo, hi) != (0, len(evidence.sentences)):
        evidence.keep = (lo, hi)
    core = evidence.sentences[lo:hi]
    strongest = max(core, key=lambda s: s.score, default=None)
    if strongest is not None and strongest.score > 0:
        total = sum(len(s.text) for s in core) or 1
        # Prose sentences without cues are evidence of body text.
        body = sum(len(s.text) * _prose_weight(s) for s in core if s.score < 0.3)
        run = strongest.run if len(evidence.sentences) == 1 else ""
        candidates.append((strongest.reason, strongest.score * (1.0 - body / total), run))

    evidence.reason, evidence.score, evidence.run = max(candidates, key=lambda c: c[1])
    return evidence


# --------------------------------------------------------------------------
# Context


# Reasons that belong to the top or bottom of a page, not between body paragraphs.
_EDGE_REASONS = _wordset(
    """age_banner byline comments pingbacks reply_form sidebar empty_widget copyright
    updated_stamp source_stamp disclaimer site_chrome social_prompt share_prompt"""
)
_MAX_LIST_ITEMS = 10
# Evidence from repetition alone: enough at the page's edges, not between body paragraphs,
# where interviews repeat questions and product pages repeat features.
_REPEAT_EVIDENCE = 0.45


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The kept paragraphs and the removed blocks, in document order."""

    paragraphs: tuple[str, ...]
    removed: tuple[RemovedBlock, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _body_span(items: Sequence[ParagraphEvidence]) -> tuple[int, int]:
    """First and last paragraph that reads as article prose; (0, -1) when none does."""
    body = [i for i, p in enumerate(items) if p.prose and p.score < 0.3]
    if not body:
        return 0, -1
    return body[0], body[-1]


def _mark(item: ParagraphEvidence, reason: str, score: float, note: str) -> None:
    if item.protected:
        return
    if score > item.score:
        item.reason, item.score = reason, round(min(score, 1.0), 3)
        item.notes.append(note)


def _duplicates(items: Sequence[ParagraphEvidence], title: str | None, top: int) -> None:
    """Repeated paragraphs, captions repeating a body sentence, the title in the body."""
    keys = [_key(p.text) for p in items]
    title_key = _key(title) if title else ""
    seen: set[str] = set()
    for i, (item, key) in enumerate(zip(items, keys, strict=True)):
        if not key:
            continue
        if title_key and (
            key == title_key or (item.words >= 4 and fuzz.ratio(key, title_key) >= 92)
        ):
            # Above the body the title is the page's headline; further down, only a repeat.
            if i < top:
                _mark(item, "headline", 0.9, "title")
            else:
                _mark(item, "duplicate", _REPEAT_EVIDENCE, "title repeated")
            continue
        if key in seen and item.words >= 3:
            _mark(item, "duplicate", _REPEAT_EVIDENCE, "repeat")
            continue
        seen.add(key)
        if 5 <= item.words <= 60:
            for j, other in enumerate(keys):
                if j != i and len(other) > len(key) + 20 and key in other:
                    credited = item.reason in ("photo_credit", "caption")
                    reason = "caption" if credited else "duplicate"
                    _mark(item, reason, max(item.score, _REPEAT_EVIDENCE), "repeats body")
                    break


def _repeats_of_removed(items: Sequence[ParagraphEvidence], threshold: float) -> None:
    """A copy of a removed paragraph goes too (a caption shown twice)."""
    removed: set[str] = set()
    for item in items:
        key = _key(item.text)
        if not key:
            continue
        if item.score > threshold and item.reason not in ("duplicate", "headline"):
            removed.add(key)
        elif key in removed:
            _mark(item, "duplicate", 0.9, "copy of removed")


def _caption_shaped(item: ParagraphEvidence, in_body: bool) -> bool:
    """One short descriptive sentence: no dateline, no attribution, no quotation.

    Between body paragraphs a full sentence next to a credit is more likely body.
    """
    return (
        len(item.sentences) == 1
        and (
            not in_body
            or bool(_CAPTION_WORDS.search(item.text))
            or (item.terminal and not item.prose)
        )
        and not item.text.endswith(":")
        and 5 <= item.length <= 20
        and item.score < 0.5
        and not item.protected
        and not _DATELINE.match(item.text)
        and not _ATTRIBUTION.search(item.text)
    )


def _captions(items: Sequence[ParagraphEvidence], first: int) -> None:
    """Captions: a description with a credit in it, or one standing next to a credit line.

    The same caption shown again (a lightbox copy) is a duplicate.
    """
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.reason != "photo_credit" or item.score < 0.5:
            continue
        credit_only = all(s.reason == "photo_credit" or s.narrative < 0.4 for s in item.sentences)
        if not credit_only:
            if item.length <= 60:
                item.reason, item.score = "caption", max(item.score, 0.75)
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(items) and _caption_shaped(items[j], j >= first):
                key = _key(items[j].text)
                _mark(items[j], "duplicate" if key in seen else "caption", 0.7, "beside credit")
                seen.add(key)


def _cohesion(items: Sequence[ParagraphEvidence], index: int, body: Sequence[int]) -> float:
    """Share of the paragraph's content stems found in the article's other body paragraphs."""
    own = items[index].stems
    if not own:
        return 1.0
    rest: set[str] = set()
    for j in body:
        if j != index:
            rest |= items[j].stems
    if not rest:
        return 1.0
    return len(own & rest) / len(own)


def _body_indices(items: Sequence[ParagraphEvidence]) -> list[int]:
    return [i for i, p in enumerate(items) if p.score < 0.3 and p.prose]


def _inserted(items: Sequence[ParagraphEvidence], first: int, last: int) -> None:
    """Teasers and ads between body paragraphs that share almost no words with the article."""
    if last - first < 2:
        return
    body = _body_indices(items)
    for i in range(first + 1, last):
        item = items[i]
        if item.run or item.keep is not None or item.length > 80:
            continue  # a header, or prose with a teaser glued on: not a stranger
        if item.reason == "related" and item.score >= 0.8:
            continue  # the site's own labelled link ("Related: ..."), on topic or not
        teaser = bool(_TEASER.search(item.text)) or item.reason in ("inserted_ad", "related")
        if not teaser:
            continue
        previous = items[i - 1]
        headline_before = i - 1 > first and previous.length <= 25 and not previous.prose
        if item.words <= 3 and headline_before:
            # A bare "Read more" under its own headline: judge the headline.
            cohesion = _cohesion(items, i - 1, body)
        else:
            cohesion = _cohesion(items, i, body)
        if cohesion < 0.2:
            _mark(item, "inserted_ad", 0.6 + 0.35 * (1 - cohesion / 0.2), "off-topic teaser")
            if headline_before and _cohesion(items, i - 1, body) < 0.2:
                _mark(previous, "inserted_ad", 0.7, "off-topic teaser headline")
        elif item.reason == "inserted_ad" and item.score >= 0.3:
            # An on-topic promotion is a teaser for a related story, not a stranger.
            item.reason = "related"


def _masthead(items: Sequence[ParagraphEvidence], outlet: str | None, first: int) -> None:
    """The site's own name in a short line above the body: a masthead or tagline."""
    name = outlet.casefold().strip() if outlet else ""
    if len(name) < 3:
        return
    for item in items[:first]:
        if item.words <= 12 and not item.terminal and name in item.text.casefold():
            _mark(item, "site_chrome", 0.6, "masthead")


def _list_item(
    items: Sequence[ParagraphEvidence],
    index: int,
    header: int,
    body: Sequence[int],
    threshold: float,
) -> bool:
    """An item of the list under a header: headline-shaped, off-topic, or furniture itself."""
    item, reason = items[index], items[header].reason
    if item.run or (item.score > threshold and item.reason != reason) or item.length > 40:
        return False
    if item.score >= 0.3 or not item.terminal:
        return True
    if reason == "sidebar" and index == header + 1:
        return True  # the text of an "About the author" box
    # A full sentence belongs to the list only when short and off-topic (another story's teaser).
    return not item.prose and _cohesion(items, index, body) < 0.15


def _runs(items: Sequence[ParagraphEvidence], threshold: float, first: int) -> None:
    """Section headers claim what follows: comments to the end, short lists of items.

    A "list" longer than a sidebar or a related box holds is content (a product
    round-up, a schedule), and stays.
    """
    body = _body_indices(items)
    section = ""  # the reason of an open comment-like section
    i = 0
    while i < len(items):
        item = items[i]
        if item.run and item.score > threshold and (item.run == "short" or i >= first):
            if item.run == "all":
                section = item.reason
                i += 1
                continue
            end = i + 1
            while end < len(items) and _list_item(items, end, i, body, threshold):
                end += 1
            if end - i - 1 <= _MAX_LIST_ITEMS:
                for k in range(i + 1, end):
                    _mark(items[k], item.reason, 0.7, f"item under {item.reason} header")
            i = end
            continue
        if section and not (item.score > threshold and item.reason in _EDGE_REASONS):
            _mark(item, section, 0.8, f"in {section} section")
        i += 1


def _zones(items: Sequence[ParagraphEvidence], first: int, last: int, threshold: float) -> None:
    """Furniture clusters before the body and after it; between body paragraphs it is rarer."""
    if last < first:
        return
    for i, item in enumerate(items):
        in_zone = i < first or i > last
        if in_zone and item.score >= 0.3 and not (item.prose and item.length >= 20):
            _mark(item, item.reason, item.score + 0.12, "edge zone")
        elif not in_zone and item.reason in _EDGE_REASONS and not item.notes:
            item.score = round(max(0.0, item.score - 0.1), 3)
    # A weak paragraph wedged between two removed ones goes with them.
    for i in range(1, len(items) - 1):
        item = items[i]
        wedged = items[i - 1].score > threshold and items[i + 1].score > threshold
        if wedged and threshold * 0.6 <= item.score <= threshold:
            _mark(item, item.reason, threshold + 0.05, "between furniture")


def _prose_weight(sentence: SentenceEvidence) -> float:
    """How strongly a sentence without cues speaks for body text, in [0, 1]."""
    return max(0.0, min(1.0, (sentence.narrative - 0.45) / 0.3))


def _glued_edges(sentences: Sequence[SentenceEvidence]) -> tuple[int, int]:
    """The span left after cutting detachable furniture sentences off both ends.

    Only cut when what is left holds a prose sentence: a glued "Follow us on
    Telegram" after "... the ministry said." goes, a lone prompt stays whole.
    """

    def glued(s: SentenceEvidence) -> bool:
        return s.detach and s.score >= 0.6

    lo, hi = 0, len(sentences)
    while lo < hi - 1 and glued(sentences[lo]):
        lo += 1
    while hi - 1 > lo and glued(sentences[hi - 1]):
        hi -= 1
    if not any(s.score < 0.3 and _prose_weight(s) >= 0.5 for s in sentences[lo:hi]):
        return 0, len(sentences)
    return lo, hi


def _detach(
    item: ParagraphEvidence, threshold: float
) -> tuple[list[RemovedBlock], str, list[RemovedBlock]]:
    """The removed head sentences, the kept body, the removed tail sentences."""
    if item.keep is None:
        return [], item.text, []
    lo, hi = item.keep
    sentences = item.sentences
    if any(s.score <= threshold for s in (*sentences[:lo], *sentences[hi:])):
        return [], item.text, []  # a stricter threshold keeps the paragraph whole

    def block(s: SentenceEvidence) -> RemovedBlock:
        return RemovedBlock(text=s.text, reason=s.reason, score=round(s.score, 3))

    prefix = _BULLET.match(item.text)
    body = " ".join(s.text for s in sentences[lo:hi])
    if prefix and lo == 0:
        body = prefix.group() + body
    return [block(s) for s in sentences[:lo]], body, [block(s) for s in sentences[hi:]]


def score_paragraphs(
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    outlet: str | None = None,
    threshold: float = 0.5,
) -> list[ParagraphEvidence]:
    """Evidence and final score for each paragraph, with context applied."""
    items = [analyse(normalise(p)) for p in paragraphs]
    first, last = _body_span(items)
    top = first if last >= first else len(items)
    _duplicates(items, title, top)
    _masthead(items, outlet, top)
    _captions(items, top)
    _inserted(items, first, last)
    _runs(items, threshold, first)
    first, last = _body_span(items)
    _zones(items, first, last, threshold)
    _repeats_of_removed(items, threshold)
    return items


def clean_paragraphs(
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    outlet: str | None = None,
    threshold: float = 0.5,
) -> Cleaned:
    """Remove furniture paragraphs (score above ``threshold``) and glued furniture sentences.

    ``title`` and ``outlet`` help recognise the headline and the masthead in the body.
    """
    # Runs glued inside a paragraph go first, so that what is left is scored as it reads.
    inline = [cut_inline(normalise(p)) for p in paragraphs]
    items = iter(
        score_paragraphs(
            [text for text, _cut in inline if text], title=title, outlet=outlet, threshold=threshold
        )
    )
    kept: list[str] = []
    removed: list[RemovedBlock] = []
    for text, cut in inline:
        removed.extend(cut)
        if not text:
            continue
        item = next(items)
        if item.score > threshold:
            removed.append(
                RemovedBlock(
                    text=item.text, reason=item.reason or "other", score=round(item.score, 3)
                )
            )
            continue
        head, body, tail = _detach(item, threshold)
        removed.extend(head)
        kept.append(body)
        removed.extend(tail)
    return Cleaned(paragraphs=tuple(kept), removed=tuple(removed))


def clean_text(
    text: str, *, title: str | None = None, outlet: str | None = None, threshold: float = 0.5
) -> Cleaned:
    """Clean contract text (paragraphs separated by blank lines)."""
    return clean_paragraphs(split_paragraphs(text), title=title, outlet=outlet, threshold=threshold)
