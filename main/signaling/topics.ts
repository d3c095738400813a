/**
 * Topic → subscribers and subscriber → topics, kept consistent in both directions so that
 * removing a subscriber (however its connection ended) releases everything it held, and empty
 * topics are deleted (no growth from rooms that came and went).
 */
export class TopicRegistry<S> {
  private readonly byTopic = new Map<string, Set<S>>()
  private readonly bySubscriber = new Map<S, Set<string>>()

  subscribe(topic: string, subscriber: S): void {
    let subs = this.byTopic.get(topic)
    if (!subs) {
      subs = new Set()
      this.byTopic.set(topic, subs)
    }
    subs.add(subscriber)
    let topics = this.bySubscriber.get(subscriber)
    if (!topics) {
      topics = new Set()
      this.bySubscriber.set(subscriber, topics)
    }
    topics.add(topic)
  }

  unsubscribe(topic: string, subscriber: S): void {
    const subs = this.byTopic.get(topic)
    if (subs) {
      subs.delete(subscriber)
      if (subs.size === 0) this.byTopic.delete(topic)
    }
    const topics = this.bySubscriber.get(subscriber)
    if (topics) {
      topics.delete(topic)
      if (topics.size === 0) this.bySubscriber.delete(subscriber)
    }
  }

  removeSubscriber(subscriber: S): void {
    for (const topic of [...(this.bySubscriber.get(subscriber) ?? [])]) {
      this.unsubscribe(topic, subscriber)
    }
  }

  isSubscribed(topic: string, subscriber: S): boolean {
    return this.byTopic.get(topic)?.has(subscriber) ?? false
  }

  subscribers(topic: string): S[] {
    return [...(this.byTopic.get(topic) ?? [])]
  }

  topicsOf(subscriber: S): number {
    return this.bySubscriber.get(subscriber)?.size ?? 0
  }

  topicCount(): number {
    return this.byTopic.size
  }

  subscriptionCount(): number {
    let n = 0
    for (const subs of this.byTopic.values()) n += subs.size
    return n
  }

  clear(): void {
    this.byTopic.clear()
    this.bySubscriber.clear()
  }
}
