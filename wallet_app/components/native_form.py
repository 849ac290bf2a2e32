"""A plain HTML form the browser submits itself.

Reflex's own form always calls preventDefault; sign-in, registration and sign-out must be real
POSTs so the Starlette routes can set or clear the HttpOnly cookie and redirect.
"""

from __future__ import annotations

from reflex.vars.base import Var
from reflex_components_core.el.elements.base import BaseHTML


class NativeForm(BaseHTML):
    tag = "form"

    action: Var[str]
    method: Var[str]


native_form = NativeForm.create
