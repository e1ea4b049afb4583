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
  const [isAtBottom, setIsAtBottom] = useState(true);

  const scrollToBottom = useCallback(() => {
    const box = boxRef.current;
    if (!box) return;
    isFollowing.current = true;
    setIsAtBottom(true);
    box.scrollTop = box.scrollHeight;
  }, []);

  useEffect(() => {
    const box = boxRef.current;
    const content = contentRef.current;
    if (!box || !content) return;
    let lastTop = box.scrollTop;
    let lastHeight = box.scrollHeight;
    const onScroll = () => {
      const distance = box.scrollHeight - box.scrollTop - box.clientHeight;
      // Moving up is the user's doing, unless the content shrank and the browser moved the view.
      const isUserUp = box.scrollTop < lastTop && box.scrollHeight >= lastHeight;
      if (isUserUp) isFollowing.current = false;
      else if (distance <= 2) isFollowing.current = true;
      lastTop = box.scrollTop;
      lastHeight = box.scrollHeight;
      setIsAtBottom(distance <= bottomSlack);
    };
    const follow = () => {
      if (isFollowing.current) box.scrollTop = box.scrollHeight;
      lastTop = box.scrollTop;
      lastHeight = box.scrollHeight;
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(follow);
    observer.observe(content);
    return () => {
      box.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, []);

  return { boxRef, contentRef, isAtBottom, scrollToBottom };
}
