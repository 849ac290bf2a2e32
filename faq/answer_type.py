"""What kind of answer a question asks for, and whether a passage can give it.

A question asking for an amount ("how much", "how many", "how long", "how often") is only
answered by a passage that states one. The guidance states almost none (no prices, durations,
counts or dates), so such a question is usually a near-miss ("how much does a micro-credential
cost") even when every other word of it is the guidance's own. This looks at the question's form
and the passage's text, never at which topic is asked about.
"""

import re

from faq.normalize import fold

_ASKS_AMOUNT = re.compile(r"\bhow (?:much|many|long|often)\b")
_STATES_AMOUNT = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|once|twice|daily|weekly|monthly|yearly|annually)\b"
)


def asks_amount(question: str) -> bool:
    """True when the question asks how much, how many, how long or how often."""
    return bool(_ASKS_AMOUNT.search(fold(question)))


def states_amount(text: str) -> bool:
    """True when the text states a number or a frequency an amount question could be answered by."""
    return bool(_STATES_AMOUNT.search(fold(text)))
