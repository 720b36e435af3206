<?php

declare(strict_types=1);

namespace Wuye;

/**
 * Who takes a step: a role and the host's id for the person or system
 * (`{"role":"agent","id":"kf01"}` on the wire).
 */
final class Actor implements \JsonSerializable
{
    public function __construct(
        public readonly Role $role,
        public readonly string $id,
    ) {
    }

    /** The person who reported the matter 报事人, acting for themselves. */
    public static function reporter(string $id): self
    {
        return new self(Role::Reporter, $id);
    }

    /** A customer-service agent 客服. */
    public static function agent(string $id): self
    {
        return new self(Role::Agent, $id);
    }

    /** A dispatcher 调度. */
    public static function dispatcher(string $id): self
    {
        return new self(Role::Dispatcher, $id);
    }

    /** A worker 维修工 of a department. */
    public static function worker(string $id): self
    {
        return new self(Role::Worker, $id);
    }

    /** A supervisor 主管. */
    public static function supervisor(string $id): self
    {
        return new self(Role::Supervisor, $id);
    }

    /** A project manager 项目经理. */
    public static function projectManager(string $id): self
    {
        return new self(Role::ProjectManager, $id);
    }

    /** The host system acting on its own (timers, automatic dispatch). */
    public static function system(string $id = 'system'): self
    {
        return new self(Role::System, $id);
    }

    /**
     * An actor from its wire form.
     *
     * @param array{role: string, id: string} $actor
     */
    public static function fromArray(array $actor): self
    {
        return new self(Role::from((string) ($actor['role'] ?? '')), (string) ($actor['id'] ?? ''));
    }

    /** @return array{role: string, id: string} */
    public function toArray(): array
    {
        return ['role' => $this->role->value, 'id' => $this->id];
    }

    /** @return array{role: string, id: string} */
    public function jsonSerialize(): array
    {
        return $this->toArray();
    }
}
