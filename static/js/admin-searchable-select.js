"use strict";
// Search as you type in a long, fixed list (relacions.core.widgets.SearchableSelect): the
// admin's own select2, over the options already in the page rather than an address to ask.
// A choice matches when one of its words starts with what was typed, accents aside ("ja" finds
// Japó, not Azerbaidjan; "regne" and "unit" both find Regne Unit).
{
    const $ = django.jQuery;
    const plain = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    const matcher = (params, data) => {
        const term = plain((params.term || "").trim());
        if (!term) {
            return data;
        }
        const text = plain(data.text || "");
        const words = text.split(/[\s\-(),.'’]+/);
        return text.startsWith(term) || words.some((word) => word.startsWith(term)) ? data : null;
    };
    const enhance = (root) => {
        $(root)
            .find("select.searchable-select")
            .not("[name*=__prefix__]")
            .select2({ theme: "admin-autocomplete", width: "resolve", matcher });
    };
    $(() => enhance(document));
    document.addEventListener("formset:added", (event) => enhance(event.target));
}
