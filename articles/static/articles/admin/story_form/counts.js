/* The story form's counts: words in the body, and headline and standfirst boxes that grow as they
   are typed in with a live count against the length they should aim for (StoryAdminForm's aims). */
"use strict";
{
    const storyForm = window.newsroomStoryForm;
    const { BLOCKS, element } = storyForm;

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

    // --- Body word count ---------------------------------------------------------------------

    function setUpWordCount() {
        const textarea = document.getElementById("id_body");
        if (!textarea) {
            return;
        }
        const output = element("p", { className: "help story-word-count", id: "id_body_word_count" });
        output.setAttribute("aria-live", "polite");
        const place = () => (textarea.closest(".prose-editor") || textarea).after(output);
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

    // --- Text boxes that grow, with live counts ------------------------------------------------

    function setUpGrowingFields() {
        for (const box of document.querySelectorAll("textarea.story-grow")) {
            const aim = Number(box.dataset.countAim);
            const limit = Number(box.getAttribute("maxlength")) || 0;
            const count = element("p", { className: "help story-count", id: `${box.id}_count` });
            count.setAttribute("aria-live", "polite");
            box.setAttribute("aria-describedby", `${box.getAttribute("aria-describedby") || ""} ${count.id}`.trim());
            box.after(count);
            const update = () => {
                box.style.height = "auto";
                box.style.height = `${box.scrollHeight + 2}px`;
                const length = box.value.length;
                let said = `${length} characters; aim for ${aim} or fewer`;
                if (limit) {
                    said += `, limit ${limit}`;
                }
                count.textContent = said;
                count.classList.toggle("story-count-over", length > aim);
            };
            // Enter would put a line break in a headline: the form's other fields are the place to go.
            box.addEventListener("keydown", (event) => {
                if (event.key === "Enter") {
                    event.preventDefault();
                }
            });
            box.addEventListener("input", update);
            window.addEventListener("resize", update);
            update();
        }
    }

    Object.assign(storyForm, { setUpWordCount, setUpGrowingFields });
}
