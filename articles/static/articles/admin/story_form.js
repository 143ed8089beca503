/* The story change form in the browser: body word count, confirmations, headline and standfirst
   boxes that grow with live counts, tags typed as words, ordered bylines with a "new contributor"
   form, unsaved changes kept in localStorage and offered back, a warning before leaving with
   unsaved changes, and presence (a heartbeat while the form is open, "left" when the tab closes).
   Each job is a file of its own in story_form/ (common.js first); this one, loaded last, starts them.
   Loaded from StoryAdmin.Media; no inline script, so it runs under the site's CSP. Plain DOM, no
   framework. The server side of each part is articles/admin/story_tools.py. */
"use strict";
{
    function setUpConfirmations() {
        document.addEventListener("click", (event) => {
            const button = event.target.closest("[data-confirm]");
            if (button && !window.confirm(button.dataset.confirm)) {
                event.preventDefault();
            }
        });
    }

    // Listened for at once: the editor may be ready before DOMContentLoaded.
    const editorRef = { editor: null };
    document.addEventListener("prose-editor:ready", (event) => {
        if (event.detail && event.detail.textarea && event.detail.textarea.id === "id_body") {
            editorRef.editor = event.detail.editor;
        }
    });

    function ready() {
        const { setUpWordCount, setUpGrowingFields, setUpTags, setUpBylines, setUpPresence, setUpDrafts } =
            window.newsroomStoryForm;
        setUpWordCount();
        setUpConfirmations();
        setUpGrowingFields();
        const desk = document.getElementById("story-desk");
        const form = document.getElementById("story_form");
        if (!desk || !form) {
            return;
        }
        setUpTags(desk);
        setUpBylines(desk, form);
        setUpPresence(desk, form);
        setUpDrafts(desk, form, editorRef);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", ready);
    } else {
        ready();
    }
}
