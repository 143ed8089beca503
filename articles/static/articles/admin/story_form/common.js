/* The story form's shared pieces, loaded first: the other story_form/*.js files and story_form.js
   read them from window.newsroomStoryForm, where each file also leaves its own setUp function. */
"use strict";
{
    const storyForm = (window.newsroomStoryForm = window.newsroomStoryForm || {});

    // The blocks whose text must not run into the next block's when a body is turned into words.
    const BLOCKS = "p, h2, h3, li, blockquote, br";

    function element(tag, props = {}, ...children) {
        const node = document.createElement(tag);
        for (const [key, value] of Object.entries(props)) {
            if (key === "dataset") {
                Object.assign(node.dataset, value);
            } else if (key in node) {
                node[key] = value;
            } else {
                node.setAttribute(key, value);
            }
        }
        node.append(...children);
        return node;
    }

    function csrfToken(form) {
        const input = form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    Object.assign(storyForm, { BLOCKS, element, csrfToken });
}
