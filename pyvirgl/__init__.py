"""pyvirgl: the host side of the Virgil3D virtual GPU."""
__version__ = "0.1.0"
