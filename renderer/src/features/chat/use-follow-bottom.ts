import { useCallback, useEffect, useRef, useState } from 'react';

/** How close to the bottom (px) still counts as "at the bottom". */
const bottomSlack = 48;

/**
 * Keeps a scrolling box at its bottom while its content grows (a streaming answer), until the user
 * scrolls up; scrolling back down to the bottom resumes following.
 */
export function useFollowBottom<Box extends HTMLElement, Content extends HTMLElement>() {
  const boxRef = useRef<Box>(null);
  const contentRef = useRef<Content>(null);
  const isFollowing = useRef(true);
  // Put somewhere on purpose (a search result): reaching the bottom by itself while the view settles must not
  // start following again; the user's own scroll to the bottom does.
  const isHeld = useRef(false);
  const [isAtBottom, setIsAtBottom] = useState(true);

  const scrollToBottom = useCallback(() => {
    const box = boxRef.current;
    if (!box) return;
    isFollowing.current = true;
    isHeld.current = false;
    setIsAtBottom(true);
    box.scrollTop = box.scrollHeight;
  }, []);

  /** Leaves the view where it is put (a search result brought into view), until the user reaches the bottom. */
  const stopFollowing = useCallback(() => {
    isFollowing.current = false;
    isHeld.current = true;
  }, []);

  useEffect(() => {
    const box = boxRef.current;
    const content = contentRef.current;
    if (!box || !content) return;
    let lastTop = box.scrollTop;
    // The view moves up by itself too (content shrinking, layout shifts): only a move up right after
    // the user's wheel, touch, key or scrollbar drag stops the following.
    let intentAt = -Infinity;
    let isPointerDown = false;
    const noteIntent = () => {
      intentAt = performance.now();
      isHeld.current = false;
    };
    const onPointerDown = () => {
      isPointerDown = true;
      isHeld.current = false;
    };
    const onPointerUp = () => (isPointerDown = false);
    const onScroll = () => {
      const distance = box.scrollHeight - box.scrollTop - box.clientHeight;
      const isUserUp = box.scrollTop < lastTop && (isPointerDown || performance.now() - intentAt < 500);
      if (isUserUp) isFollowing.current = false;
      else if (distance <= 2 && !isHeld.current) isFollowing.current = true;
      lastTop = box.scrollTop;
      setIsAtBottom(distance <= bottomSlack);
    };
    const follow = () => {
      if (isFollowing.current) box.scrollTop = box.scrollHeight;
      lastTop = box.scrollTop;
    };
    const intentEvents = ['wheel', 'touchmove', 'keydown'] as const;
    for (const name of intentEvents) box.addEventListener(name, noteIntent, { passive: true });
    box.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('pointerup', onPointerUp);
    box.addEventListener('scroll', onScroll, { passive: true });
    // The content growing, or the box shrinking (a footer appearing under it), moves the bottom.
    const observer = new ResizeObserver(follow);
    observer.observe(content);
    observer.observe(box);
    return () => {
      for (const name of intentEvents) box.removeEventListener(name, noteIntent);
      box.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointerup', onPointerUp);
      box.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, []);

  return { boxRef, contentRef, isAtBottom, scrollToBottom, stopFollowing };
}
