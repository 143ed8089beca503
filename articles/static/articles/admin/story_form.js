/* The story change form: a live word count under the body editor, and a
   confirmation before buttons that carry data-confirm (Withdraw).
   Loaded from StoryAdmin.Media; no inline script, so it runs under the site's CSP. */
"use strict";
{
    const BLOCKS = "p, h2, h3, li, blockquote, br";

    function countWords(html) {
        // Parsing into an inert document runs no scripts and loads nothing.
        const doc = new DOMParser().parseFromString(html, "text/html");
        // A photo's caption is not the story's text (as richtext.word_count on the server).
        doc.body.querySelectorAll("figure").forEach((figure) => figure.remove());
        // Keep words in neighbouring paragraphs apart.
        for (const element of doc.body.querySelectorAll(BLOCKS)) {
            element.after(" ");
        }
        const text = (doc.body.textContent || "").trim();
        return text ? text.split(/\s+/).length : 0;
    }

    function setUpWordCount() {
        const textarea = document.getElementById("id_body");
        if (!textarea) {
            return;
        }
        const output = document.createElement("p");
        output.className = "help story-word-count";
        output.id = "id_body_word_count";
        output.setAttribute("aria-live", "polite");
        const place = () => {
            const editor = textarea.closest(".prose-editor") || textarea;
            editor.after(output);
        };
        const update = () => {
            const words = countWords(textarea.value);
            output.textContent = words === 1 ? "1 word" : `${words} words`;
        };
        place();
        update();
        // The editor writes its HTML back into the textarea and fires "input" on it.
        textarea.addEventListener("input", update);
        document.addEventListener("prose-editor:ready", () => {
            place();
            update();
        });
    }

    function setUpConfirmations() {
        document.addEventListener("click", (event) => {
            const button = event.target.closest("[data-confirm]");
            if (button && !window.confirm(button.dataset.confirm)) {
                event.preventDefault();
            }
        });
    }

    function ready() {
        setUpWordCount();
        setUpConfirmations();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", ready);
    } else {
        ready();
    }
}
