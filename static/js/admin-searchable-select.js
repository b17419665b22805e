"use strict";
// Search as you type in a long, fixed list (relacions.core.widgets.SearchableSelect): the
// admin's own select2, over the options already in the page rather than an address to ask.
{
    const $ = django.jQuery;
    const enhance = (root) => {
        $(root)
            .find("select.searchable-select")
            .not("[name*=__prefix__]")
            .select2({ theme: "admin-autocomplete", width: "style" });
    };
    $(() => enhance(document));
    document.addEventListener("formset:added", (event) => enhance(event.target));
}
