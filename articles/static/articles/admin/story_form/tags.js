/* Tags typed as words: chips for the tags, suggestions from the desk's tags as the writer types
   (story_tools.tag_suggestions_view), Enter or a comma to add; the form posts them as one line. */
"use strict";
{
    const storyForm = window.newsroomStoryForm;
    const { element } = storyForm;

    // --- Tags typed as words ------------------------------------------------------------------

    function setUpTags(desk) {
        const input = document.querySelector("input.story-tags");
        if (!input || input.disabled) {
            return;
        }
        input.type = "hidden";
        const chips = element("ul", { className: "story-tag-chips", "aria-label": "Tags on this story" });
        const typing = element("input", {
            type: "text",
            id: "id_tags_typing",
            className: "story-tag-typing",
            autocomplete: "off",
            role: "combobox",
            "aria-autocomplete": "list",
            "aria-expanded": "false",
            "aria-controls": "id_tags_suggestions",
            placeholder: "Type a tag, then Enter or a comma",
        });
        const list = element("ul", { id: "id_tags_suggestions", className: "story-tag-suggestions", role: "listbox" });
        list.hidden = true;
        const box = element("div", { className: "story-tag-box" }, chips, typing, list);
        input.after(box);
        const label = document.querySelector("label[for=id_tags]");
        if (label) {
            label.htmlFor = typing.id;
        }

        const names = () => input.value.split(",").map((name) => name.trim()).filter(Boolean);
        const setNames = (values) => {
            input.value = values.join(", ");
            input.dispatchEvent(new Event("change", { bubbles: true }));
            draw();
        };
        function draw() {
            chips.replaceChildren(
                ...names().map((name) => {
                    const remove = element("button", { type: "button", className: "story-tag-remove" }, "×");
                    remove.setAttribute("aria-label", `Remove tag ${name}`);
                    remove.addEventListener("click", () => setNames(names().filter((other) => other !== name)));
                    return element("li", { className: "story-tag-chip" }, name, remove);
                }),
            );
        }
        function add(text) {
            const current = names();
            for (const part of text.split(",")) {
                const name = part.replace(/\s+/g, " ").trim();
                if (name && !current.some((other) => other.toLowerCase() === name.toLowerCase())) {
                    current.push(name);
                }
            }
            typing.value = "";
            hide();
            setNames(current);
        }
        function hide() {
            list.hidden = true;
            typing.setAttribute("aria-expanded", "false");
            typing.removeAttribute("aria-activedescendant");
        }
        let active = -1;
        function highlight(index) {
            const options = [...list.children];
            active = options.length ? (index + options.length) % options.length : -1;
            options.forEach((option, position) => option.setAttribute("aria-selected", String(position === active)));
            if (active >= 0) {
                typing.setAttribute("aria-activedescendant", options[active].id);
            }
        }
        let asked = 0;
        async function suggest() {
            const term = typing.value.trim();
            const ticket = ++asked;
            if (!term || !desk.dataset.tagsUrl) {
                hide();
                return;
            }
            const response = await fetch(`${desk.dataset.tagsUrl}?q=${encodeURIComponent(term)}`, {
                credentials: "same-origin",
            }).catch(() => null);
            if (!response || !response.ok || ticket !== asked) {
                return;
            }
            const taken = names().map((name) => name.toLowerCase());
            const found = (await response.json()).tags.filter((name) => !taken.includes(name.toLowerCase()));
            list.replaceChildren(
                ...found.map((name, index) => {
                    const option = element("li", { id: `id_tags_option_${index}`, role: "option" }, name);
                    option.addEventListener("mousedown", (event) => {
                        event.preventDefault();
                        add(name);
                        typing.focus();
                    });
                    return option;
                }),
            );
            list.hidden = found.length === 0;
            typing.setAttribute("aria-expanded", String(!list.hidden));
            highlight(-1);
            active = -1;
        }
        let pause = null;
        typing.addEventListener("input", () => {
            window.clearTimeout(pause);
            if (typing.value.includes(",")) {
                add(typing.value);
            } else {
                // Ask once the writer pauses, not on every key.
                pause = window.setTimeout(suggest, 250);
            }
        });
        typing.addEventListener("keydown", (event) => {
            if (event.key === "ArrowDown" && !list.hidden) {
                event.preventDefault();
                highlight(active + 1);
            } else if (event.key === "ArrowUp" && !list.hidden) {
                event.preventDefault();
                highlight(active - 1);
            } else if (event.key === "Enter") {
                // Enter adds the tag; it never submits the form from here.
                event.preventDefault();
                add(active >= 0 && !list.hidden ? list.children[active].textContent : typing.value);
            } else if (event.key === "Escape") {
                hide();
            } else if (event.key === "Backspace" && !typing.value && names().length) {
                setNames(names().slice(0, -1));
            }
        });
        typing.addEventListener("blur", () => {
            if (typing.value.trim()) {
                add(typing.value);
            }
            hide();
        });
        input.addEventListener("newsroom:restored", draw);
        draw();
    }

    storyForm.setUpTags = setUpTags;
}
