/*
 * Search suggestions as a WAI-ARIA 1.2 combobox (list autocomplete).
 *
 * Enhances any `.search-box[data-suggest-url]` holding an <input type="search">.
 * Without this script the form submits as a plain GET search, so nothing here
 * is needed to search; it only saves typing.
 *
 * Keyboard: Down/Up move through suggestions (focus stays in the input and
 * aria-activedescendant names the highlighted option, so screen readers read it),
 * Enter opens the highlighted page, Escape closes the list (a second Escape
 * clears the box), Tab leaves normally. A polite live region announces how many
 * suggestions there are.
 */
(function () {
    "use strict";

    var MIN_CHARS = 2;
    var DELAY_MS = 200;
    var counter = 0;

    function SuggestBox(box) {
        counter += 1;
        this.box = box;
        this.url = box.getAttribute("data-suggest-url");
        this.input = box.querySelector("input[type=search]");
        this.listId = "search-suggestions-" + counter;
        this.active = -1;
        this.items = [];
        this.timer = null;
        this.lastQuery = "";
        this.request = null;
        this.build();
        this.bind();
    }

    SuggestBox.prototype.build = function () {
        var doc = this.box.ownerDocument;
        this.list = doc.createElement("ul");
        this.list.id = this.listId;
        this.list.className = "suggestions";
        this.list.setAttribute("role", "listbox");
        this.list.setAttribute("aria-label", this.box.getAttribute("data-suggest-label") || "Suggestions");
        this.list.hidden = true;

        this.status = doc.createElement("div");
        this.status.className = "visually-hidden";
        this.status.setAttribute("role", "status");
        this.status.setAttribute("aria-live", "polite");

        this.input.setAttribute("role", "combobox");
        this.input.setAttribute("aria-autocomplete", "list");
        this.input.setAttribute("aria-expanded", "false");
        this.input.setAttribute("aria-controls", this.listId);
        this.input.setAttribute("autocomplete", "off");

        this.box.classList.add("has-suggestions");
        this.box.appendChild(this.list);
        this.box.appendChild(this.status);
    };

    SuggestBox.prototype.bind = function () {
        var self = this;
        this.input.addEventListener("input", function () {
            window.clearTimeout(self.timer);
            self.timer = window.setTimeout(function () { self.fetch(); }, DELAY_MS);
        });
        this.input.addEventListener("keydown", function (event) { self.onKey(event); });
        this.input.addEventListener("blur", function () {
            // Let a pointer click on an option land before the list goes away.
            window.setTimeout(function () { self.close(); }, 150);
        });
        this.list.addEventListener("mousedown", function (event) {
            // Keep focus in the input so the click does not blur it first.
            event.preventDefault();
        });
        this.list.addEventListener("click", function (event) {
            var option = event.target.closest("[role=option]");
            if (option) {
                self.go(Number(option.getAttribute("data-index")));
            }
        });
    };

    SuggestBox.prototype.fetch = function () {
        var self = this;
        var query = this.input.value.trim();
        if (query.length < MIN_CHARS) {
            this.lastQuery = "";
            this.show([]);
            return;
        }
        if (query === this.lastQuery) {
            return;
        }
        this.lastQuery = query;
        if (this.request) {
            this.request.abort();
        }
        var controller = new AbortController();
        this.request = controller;
        var url = this.url + (this.url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
        window.fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal })
            .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
            .then(function (data) {
                if (self.input.value.trim() === query) {
                    self.show(data.suggestions || []);
                }
            })
            .catch(function () { /* Offline or aborted: the plain form still works. */ });
    };

    SuggestBox.prototype.show = function (suggestions) {
        var doc = this.box.ownerDocument;
        this.items = suggestions;
        this.active = -1;
        this.input.removeAttribute("aria-activedescendant");
        this.list.textContent = "";
        suggestions.forEach(function (suggestion, index) {
            var option = doc.createElement("li");
            option.id = this.listId + "-" + index;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-index", String(index));
            var title = doc.createElement("span");
            title.className = "suggestion-title";
            title.textContent = suggestion.title;
            var kind = doc.createElement("span");
            kind.className = "suggestion-type";
            kind.textContent = suggestion.type;
            option.appendChild(title);
            option.appendChild(doc.createTextNode(" "));
            option.appendChild(kind);
            this.list.appendChild(option);
        }, this);
        var open = suggestions.length > 0;
        this.list.hidden = !open;
        this.input.setAttribute("aria-expanded", open ? "true" : "false");
        this.announce(suggestions.length);
    };

    SuggestBox.prototype.announce = function (count) {
        var template = count === 1
            ? this.box.getAttribute("data-suggest-one")
            : this.box.getAttribute("data-suggest-many");
        if (!this.input.value.trim() || count === 0) {
            this.status.textContent = "";
            return;
        }
        this.status.textContent = (template || "%s suggestions").replace("%s", String(count));
    };

    SuggestBox.prototype.highlight = function (index) {
        var options = this.list.querySelectorAll("[role=option]");
        if (!options.length) {
            return;
        }
        if (index < 0) {
            index = options.length - 1;
        } else if (index >= options.length) {
            index = 0;
        }
        options.forEach(function (option, i) {
            option.setAttribute("aria-selected", i === index ? "true" : "false");
        });
        this.active = index;
        this.input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
    };

    SuggestBox.prototype.close = function () {
        this.list.hidden = true;
        this.active = -1;
        this.input.setAttribute("aria-expanded", "false");
        this.input.removeAttribute("aria-activedescendant");
    };

    SuggestBox.prototype.go = function (index) {
        var suggestion = this.items[index];
        if (suggestion && suggestion.url) {
            window.location.assign(suggestion.url);
        }
    };

    SuggestBox.prototype.onKey = function (event) {
        var open = !this.list.hidden;
        switch (event.key) {
        case "ArrowDown":
            event.preventDefault();
            if (!open && this.items.length) {
                this.list.hidden = false;
                this.input.setAttribute("aria-expanded", "true");
            }
            this.highlight(this.active + 1);
            break;
        case "ArrowUp":
            event.preventDefault();
            if (open) {
                this.highlight(this.active - 1);
            }
            break;
        case "Enter":
            if (open && this.active >= 0) {
                event.preventDefault();
                this.go(this.active);
            }
            break;
        case "Escape":
            if (open) {
                event.preventDefault();
                this.close();
            } else if (this.input.value) {
                event.preventDefault();
                this.input.value = "";
                this.lastQuery = "";
                this.items = [];
            }
            break;
        default:
            break;
        }
    };

    function init() {
        if (!("fetch" in window) || !("AbortController" in window)) {
            return;
        }
        document.querySelectorAll(".search-box[data-suggest-url]").forEach(function (box) {
            if (box.querySelector("input[type=search]")) {
                new SuggestBox(box);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
}());
