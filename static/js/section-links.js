/*
 * Section links on a state page. The "#" beside each heading is a plain link
 * to that section and works without this script; with it, following the link
 * also copies the section's full address, ready to paste into a message to a
 * client or a colleague, and a polite status tells screen-reader users so.
 * The status text comes from the page (data-link-copied), in its language.
 */
(function () {
    "use strict";

    var container = document.querySelector("[data-link-copied]");
    if (!container || !navigator.clipboard) {
        return;
    }
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    container.appendChild(status);

    container.addEventListener("click", function (event) {
        var link = event.target.closest("a.anchor-link");
        if (!link) {
            return;
        }
        navigator.clipboard.writeText(link.href).then(function () {
            // Emptied first so that copying the same link twice is announced twice.
            status.textContent = "";
            window.setTimeout(function () {
                status.textContent = container.getAttribute("data-link-copied");
            }, 100);
        }, function () {
            // Copying was refused (no permission): the link still went to the section.
        });
    });
}());
