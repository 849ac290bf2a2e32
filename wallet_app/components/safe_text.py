"""Issuer and learner text on screen: Markdown with raw HTML and remote images switched off.

react-markdown already drops `javascript:` URLs; without the raw plugin HTML stays inert text.
Images are replaced by a placeholder so an issuer cannot make the learner's browser fetch a
tracking pixel.
"""

from __future__ import annotations

import reflex as rx


def _image_placeholder(*_children, **_props) -> rx.Component:
    return rx.text.em("[image not shown]")


def safe_markdown(text: rx.Var[str] | str, **props) -> rx.Component:
    return rx.markdown(
        text,
        use_raw=False,
        use_math=False,
        use_katex=False,
        component_map={"img": _image_placeholder},
        **props,
    )
