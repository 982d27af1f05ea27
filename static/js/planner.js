// The planning tools work without this script; it adds a print button, a
// "clear my answers" button, and refills the form from a share link, whose
// answers sit after the "#" so that no server ever receives them.
(function () {
    "use strict";
    var form = document.querySelector(".planner-form");
    if (!form) {
        return;
    }

    document.querySelectorAll(".print-button").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });

    document.querySelectorAll(".clear-answers").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function (event) {
            event.preventDefault();
            // The empty form, with no answers anywhere on the page.
            window.location.assign(form.getAttribute("action"));
        });
    });

    var shareLink = document.querySelector(".share-link");
    if (shareLink) {
        shareLink.addEventListener("focus", function () { shareLink.select(); });
    }

    if (window.location.hash.length < 2) {
        return;
    }
    var answers = new URLSearchParams(window.location.hash.slice(1));
    // Take the answers out of the address bar before anything else happens.
    history.replaceState(null, "", window.location.pathname + window.location.search);
    var filled = false;
    answers.forEach(function (value, name) {
        var field = form.elements.namedItem(name);
        if (!field) {
            return;
        }
        if (field instanceof RadioNodeList || field.type === "radio") {
            var radios = field instanceof RadioNodeList ? Array.prototype.slice.call(field) : [field];
            radios.forEach(function (radio) { radio.checked = radio.value === value; });
        } else {
            field.value = value;
        }
        filled = true;
    });
    if (filled) {
        form.submit();
    }
}());
