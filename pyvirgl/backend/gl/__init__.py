"""The host GL backend: the only package that imports OpenGL.

PyOpenGL picks its platform (GLX, EGL...) once, at the first `import OpenGL`
anywhere in the process, and a wrong pick makes every context lookup fail.
Setting it here, in the package's __init__, runs before any module of the
package can import OpenGL, whichever module is imported first.
"""
import os

os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
